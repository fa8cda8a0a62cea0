using System.Text.Json.Serialization;

namespace MultiTrust.Sinks.Results;

/// <summary>
/// The content of <c>_commits/&lt;shard&gt;-&lt;seq&gt;.json</c>: the parts that one commit made visible. A part file is
/// committed if and only if a marker lists it; readers ignore every other file.
/// </summary>
public sealed record CommitMarker(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("shard")] string Shard,
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("created_utc")] DateTimeOffset CreatedUtc,
    [property: JsonPropertyName("parts")] IReadOnlyList<CommittedPart> Parts)
{
    /// <summary>The marker format written by this version.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The folder of the commit markers inside a run directory.</summary>
    public const string FolderName = "_commits";

    /// <summary>The file name of the marker of (shard, seq).</summary>
    public static string FileName(string shard, long seq) => $"{shard}-{seq:000000}.json";
}
