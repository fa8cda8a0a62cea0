using System.Text.Json.Serialization;

namespace MultiTrust.Sinks.Results;

/// <summary>
/// The content of <c>_commits/&lt;shard&gt;-&lt;seq&gt;.json</c>: the parts that one commit made visible, or of
/// <c>_commits/compaction-g&lt;generation&gt;.json</c>: the parts that a compaction made visible in place of the commits it
/// covers. A part file is committed if and only if a live marker lists it; readers ignore every other file.
/// </summary>
/// <param name="Covers">
/// Set on a compaction marker only (format 2): for each shard, the highest commit sequence number the compaction
/// replaced. A commit marker of that shard with a sequence number at most that value is superseded, and so is every
/// compaction marker of a lower generation (<see cref="Seq"/>). Null (omitted) on the markers of ordinary commits.
/// </param>
public sealed record CommitMarker(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("shard")] string Shard,
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("created_utc")] DateTimeOffset CreatedUtc,
    [property: JsonPropertyName("parts")] IReadOnlyList<CommittedPart> Parts,
    [property: JsonPropertyName("covers"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, long>? Covers = null)
{
    /// <summary>The marker format of an ordinary commit written by this version.</summary>
    public const int CurrentFormat = 1;

    /// <summary>
    /// The format of a compaction marker. Versions that read only format 1 refuse a run holding one, rather than count
    /// its rows twice.
    /// </summary>
    public const int CompactionFormat = 2;

    /// <summary>The folder of the commit markers inside a run directory.</summary>
    public const string FolderName = "_commits";

    /// <summary>The <see cref="Shard"/> value of a compaction marker (its <see cref="Seq"/> is the generation).</summary>
    public const string CompactionShard = "compaction";

    /// <summary>The file name prefix of compaction markers; never the name of an ordinary commit's marker.</summary>
    public const string CompactionFilePrefix = "compaction-g";

    /// <summary>Whether this is the marker of a compaction (it supersedes the commits it covers).</summary>
    [JsonIgnore]
    public bool IsCompaction => Covers is not null;

    /// <summary>The file name of the marker of (shard, seq).</summary>
    public static string FileName(string shard, long seq) => $"{shard}-{seq:000000}.json";

    /// <summary>The file name of the compaction marker of a generation.</summary>
    public static string CompactionFileName(long generation) => $"{CompactionFilePrefix}{generation:000000}.json";

    /// <summary>
    /// Whether a file in <c>_commits</c> is a compaction marker: <c>compaction-g</c>, six digits or more, <c>.json</c>
    /// (the marker of a shard named <c>compaction-g</c> has a <c>-</c> before its digits, so it never matches).
    /// </summary>
    public static bool IsCompactionFileName(string fileName)
    {
        if (!fileName.StartsWith(CompactionFilePrefix, StringComparison.Ordinal) || !fileName.EndsWith(".json", StringComparison.Ordinal))
        {
            return false;
        }

        var digits = fileName.AsSpan(CompactionFilePrefix.Length, fileName.Length - CompactionFilePrefix.Length - ".json".Length);
        return digits.Length >= 6 && !digits.ContainsAnyExcept("0123456789");
    }

    /// <summary>Whether this marker is superseded by the compaction marker <paramref name="latest"/> (null: none).</summary>
    public bool IsSupersededBy(CommitMarker? latest)
    {
        if (latest is null || ReferenceEquals(latest, this))
        {
            return false;
        }

        return IsCompaction
            ? Seq < latest.Seq
            : latest.Covers!.TryGetValue(Shard, out var covered) && Seq <= covered;
    }
}
