namespace MultiTrust.Sources.Datasets;

/// <summary>
/// One row of a lake dataset, mapped to the parts of a sample; images are still references (paths) or undecoded bytes.
/// </summary>
/// <param name="Row">1-based row number in the file (JSONL: the line), for errors that name file:row.</param>
/// <param name="Prompt">The prompt text.</param>
/// <param name="ImagePaths">Image paths as written in the data (relative to the dataset's folder, or absolute).</param>
/// <param name="ImageBytes">Encoded image bytes from the bytes column, or null.</param>
/// <param name="Target">Expected answer or label, or null.</param>
/// <param name="Reference">What the oracle baseline answers, or null for the target.</param>
/// <param name="Subset">The sample's subset, or null for the default subset.</param>
public sealed record DatasetRecord(
    long Row,
    string Prompt,
    IReadOnlyList<string> ImagePaths,
    byte[]? ImageBytes,
    string? Target,
    string? Reference,
    string? Subset);
