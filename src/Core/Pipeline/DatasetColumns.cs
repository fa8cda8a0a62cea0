namespace MultiTrust.Core.Pipeline;

/// <summary>
/// Which columns of a lake dataset hold the parts of a sample (<c>columns:</c> of a task's <c>source: {dataset: ...}</c>).
/// A column named here must exist in the data (a missing one is an error naming it); an optional part left null is read
/// from the column of its default name when the data has one.
/// </summary>
/// <param name="Prompt">The prompt text (default <c>prompt</c>).</param>
/// <param name="Image">Image file path(s), relative to the dataset file's folder or absolute: a string, or a list of
/// strings (default <c>image</c>, when present).</param>
/// <param name="ImageBytes">Encoded image bytes (PNG, JPEG, ...): a binary column, or base64 text in JSONL (no default).</param>
/// <param name="Target">The expected answer or label (default <c>target</c>, when present).</param>
/// <param name="Reference">What <c>baseline:oracle</c> answers (default <c>reference</c> when present, else the target).</param>
/// <param name="Subset">The subset the sample belongs to (default <c>subset</c>, when present; else every sample is in
/// <see cref="DefaultSubset"/>).</param>
public sealed record DatasetColumns(string Prompt, string? Image, string? ImageBytes, string? Target, string? Reference, string? Subset)
{
    /// <summary>The subset of samples without a subset column.</summary>
    public const string DefaultSubset = "default";

    /// <summary>The default mapping: columns named like the parts.</summary>
    public static DatasetColumns Default { get; } = new("prompt", null, null, null, null, null);

    /// <summary>A stable text of the mapping for the configuration hash.</summary>
    public string Describe() =>
        $"prompt={Prompt};image={Image};image_bytes={ImageBytes};target={Target};reference={Reference};subset={Subset}";
}
