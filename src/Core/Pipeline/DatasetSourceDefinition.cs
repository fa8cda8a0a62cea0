namespace MultiTrust.Core.Pipeline;

/// <summary>
/// A task's samples read from a file in the user's lake (<c>source: {dataset: {path, format, columns}}</c>): Parquet,
/// Arrow IPC or JSONL, streamed one row group, record batch or line at a time.
/// </summary>
/// <param name="Path">The dataset file (absolute).</param>
/// <param name="Format">One of <see cref="Formats"/>.</param>
/// <param name="Columns">Where prompt, images, target and subset live.</param>
/// <param name="Location">Where the entry is in the pipeline file.</param>
public sealed record DatasetSourceDefinition(string Path, string Format, DatasetColumns Columns, SourceLocation Location)
{
    /// <summary>The suite label of tasks that read a lake dataset.</summary>
    public const string Suite = "dataset";

    /// <summary>Parquet (<c>.parquet</c>), Arrow IPC file or stream (<c>.arrow</c>, <c>.feather</c>, <c>.arrows</c>), JSON lines (<c>.jsonl</c>).</summary>
    public static IReadOnlyList<string> Formats { get; } = ["parquet", "arrow", "jsonl"];

    /// <summary>The format implied by a file name, or null.</summary>
    public static string? FormatOf(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".parquet" or ".pq" => "parquet",
        ".arrow" or ".arrows" or ".feather" or ".ipc" => "arrow",
        ".jsonl" or ".ndjson" => "jsonl",
        _ => null,
    };

    /// <summary>
    /// Whose verdict chain, metrics and formula judge the samples: <c>official</c> (the protocol's) or <c>synthetic</c>
    /// (the synthetic suite's); null for the official one when the task has it, else the synthetic one.
    /// </summary>
    public string? Chain { get; init; }

    /// <summary>A stable text of the source for the configuration hash (the file's content is hashed per sample).</summary>
    public string Describe() => $"{Format}:{Path}|{Columns.Describe()}{(Chain is null ? "" : $"|chain={Chain}")}";

    /// <summary>The <see cref="Chain"/> recorded in a <see cref="Describe"/> text (a run card's task), or null.</summary>
    public static string? ChainOf(string? described) =>
        described?.LastIndexOf("|chain=", StringComparison.Ordinal) is int i and >= 0 ? described[(i + 7)..] : null;
}
