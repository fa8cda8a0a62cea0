using System.Text.Json;

namespace MultiTrust.Sinks.Results;

/// <summary>
/// Reads what a run directory has committed and cleans up after a crash. Stateless and thread-safe; every method takes
/// the run directory (<c>&lt;out&gt;/runs/&lt;run_id&gt;</c>). Only parts listed in commit markers are ever read.
/// </summary>
public sealed partial class RunStore
{
    /// <summary>Every commit marker of the run, ordered by shard and sequence number. Empty for a new run.</summary>
    /// <exception cref="InvalidDataException">A marker is not valid JSON or has an unsupported format.</exception>
    public IReadOnlyList<CommitMarker> ReadCommits(string runDir)
    {
        var dir = RunLayout.CommitsDir(runDir);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var markers = new List<CommitMarker>();
        foreach (var path in Directory.EnumerateFiles(dir, "*.json"))
        {
            if (Path.GetFileName(path).StartsWith(ParquetFiles.TempPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            CommitMarker? marker;
            try
            {
                marker = JsonSerializer.Deserialize<CommitMarker>(File.ReadAllBytes(path));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}: not a valid commit marker ({ex.Message}).", ex);
            }

            if (marker is null || marker.Parts is null || marker.Format != CommitMarker.CurrentFormat)
            {
                throw new InvalidDataException(
                    $"{path}: unsupported commit marker (format {marker?.Format}; this version reads format {CommitMarker.CurrentFormat}).");
            }

            markers.Add(marker);
        }

        markers.Sort((a, b) => a.Shard == b.Shard ? a.Seq.CompareTo(b.Seq) : string.CompareOrdinal(a.Shard, b.Shard));
        return markers;
    }

    /// <summary>The absolute paths of the committed parts of one table (<see cref="TableNames"/>), in commit order.</summary>
    public IReadOnlyList<string> CommittedParts(string runDir, string table) =>
        [.. ReadCommits(runDir).SelectMany(m => m.Parts).Where(p => p.Table == table).Select(p => RunLayout.FullPath(runDir, p.Path))];

    /// <summary>
    /// Removes what a crash can leave behind: temporary files (<c>.tmp-*</c>) in the table folders, in <c>_commits</c>
    /// and in the run folder itself (whole-file writes such as <c>metrics.parquet</c>, <c>scores.parquet</c>,
    /// <c>paired.parquet</c>, <c>run.json</c> or the reports write <c>.tmp-&lt;name&gt;.&lt;guid&gt;</c> and rename it), and part
    /// files that no commit marker lists. Committed files are never touched. Must not run while a sink or writer writes to
    /// the same run directory.
    /// With <paramref name="shard"/>, only that shard's files (<c>part-&lt;shard&gt;-*</c>, its temporary parts and
    /// markers) are removed: a shard of a sharded run restarts while other shards write into the same run directory, so
    /// other shards' files and whole-file writes in the run folder are left alone.
    /// </summary>
    /// <returns>The absolute paths of the removed files.</returns>
    public IReadOnlyList<string> Recover(string runDir, string? shard = null)
    {
        runDir = Path.GetFullPath(runDir);
        var committed = new HashSet<string>(
            ReadCommits(runDir).SelectMany(m => m.Parts).Select(p => RunLayout.FullPath(runDir, p.Path)), StringComparer.Ordinal);
        var removed = new List<string>();

        foreach (var table in TableNames.Partitioned)
        {
            var tableDir = Path.Combine(runDir, table);
            if (!Directory.Exists(tableDir))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(tableDir, "*", SearchOption.AllDirectories).ToList())
            {
                var name = Path.GetFileName(path);
                var isTemp = name.StartsWith(ParquetFiles.TempPrefix, StringComparison.Ordinal);
                var isOrphan = name.EndsWith(".parquet", StringComparison.Ordinal) && !committed.Contains(path);
                if ((isTemp || isOrphan) && BelongsTo(name, "part-", shard))
                {
                    File.Delete(path);
                    removed.Add(path);
                }
            }
        }

        var commitsDir = RunLayout.CommitsDir(runDir);
        var temps = (shard is null ? new[] { commitsDir, runDir } : [commitsDir])
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, ParquetFiles.TempPrefix + "*"))
            .Where(path => Path.GetFileName(path).StartsWith(ParquetFiles.TempPrefix, StringComparison.Ordinal))
            .Where(path => BelongsTo(Path.GetFileName(path), "", shard))
            .ToList();
        foreach (var path in temps)
        {
            File.Delete(path);
            removed.Add(path);
        }

        return removed;
    }

    /// <summary>True when <paramref name="shard"/> is null or the (possibly temporary) file name is that shard's.</summary>
    private static bool BelongsTo(string name, string prefix, string? shard)
    {
        if (shard is null)
        {
            return true;
        }

        var bare = name.StartsWith(ParquetFiles.TempPrefix, StringComparison.Ordinal) ? name[ParquetFiles.TempPrefix.Length..] : name;
        return bare.StartsWith($"{prefix}{shard}-", StringComparison.Ordinal);
    }
}
