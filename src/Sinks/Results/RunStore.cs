using System.Text.Json;

namespace MultiTrust.Sinks.Results;

/// <summary>
/// Reads what a run directory has committed and cleans up after a crash. Stateless and thread-safe; every method takes
/// the run directory (<c>&lt;out&gt;/runs/&lt;run_id&gt;</c>). Only parts listed in commit markers are ever read.
/// </summary>
public sealed partial class RunStore
{
    /// <summary>
    /// Every live commit marker of the run, ordered by shard and sequence number (a compaction marker first): the markers
    /// of ordinary commits not covered by the latest compaction, and that compaction's marker. Empty for a new run.
    /// </summary>
    /// <exception cref="InvalidDataException">A marker is not valid JSON or has an unsupported format.</exception>
    public IReadOnlyList<CommitMarker> ReadCommits(string runDir)
    {
        var all = ReadMarkerFiles(runDir);
        var latest = LatestCompaction(all.Select(m => m.Marker));
        var markers = all.Select(m => m.Marker).Where(m => !m.IsSupersededBy(latest)).ToList();
        markers.Sort(CompareMarkers);
        return markers;
    }

    /// <summary>Every marker file of the run (or only its compaction markers), live or superseded, with its absolute path.</summary>
    internal static List<(string Path, CommitMarker Marker)> ReadMarkerFiles(string runDir, bool compactionsOnly = false)
    {
        var dir = RunLayout.CommitsDir(runDir);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var markers = new List<(string, CommitMarker)>();
        foreach (var path in Directory.EnumerateFiles(dir, compactionsOnly ? CommitMarker.CompactionFilePrefix + "*.json" : "*.json"))
        {
            var name = Path.GetFileName(path);
            var compaction = CommitMarker.IsCompactionFileName(name);
            if (name.StartsWith(ParquetFiles.TempPrefix, StringComparison.Ordinal) || (compactionsOnly && !compaction))
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

            var expected = compaction ? CommitMarker.CompactionFormat : CommitMarker.CurrentFormat;
            if (marker is null || marker.Parts is null || marker.Format != expected || marker.IsCompaction != compaction)
            {
                throw new InvalidDataException(
                    $"{path}: unsupported {(compaction ? "compaction" : "commit")} marker (format {marker?.Format}; " +
                    $"this version reads format {expected}{(compaction ? " with 'covers'" : "")}).");
            }

            markers.Add((path, marker));
        }

        return markers;
    }

    /// <summary>The compaction marker of the highest generation, or null when the run was never compacted.</summary>
    internal static CommitMarker? LatestCompaction(IEnumerable<CommitMarker> markers) =>
        markers.Where(m => m.IsCompaction).MaxBy(m => m.Seq);

    private static int CompareMarkers(CommitMarker a, CommitMarker b)
    {
        if (a.IsCompaction != b.IsCompaction)
        {
            return a.IsCompaction ? -1 : 1;
        }

        return a.Shard == b.Shard ? a.Seq.CompareTo(b.Seq) : string.CompareOrdinal(a.Shard, b.Shard);
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
        var removed = new List<string>(RemoveSuperseded(runDir));

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
                if ((isTemp || isOrphan) && BelongsTo(name, "part-", shard) && File.Exists(path))
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

    /// <summary>
    /// Deletes what a finished compaction replaced: the part files listed only by superseded markers (never a file a
    /// live marker lists), then the superseded markers themselves. Readers already ignore both, so this may run at any
    /// time, also beside a writing sink; a crash in the middle leaves the rest for the next call.
    /// </summary>
    /// <param name="afterDelete">Called with each deleted file's path once it is gone (a compaction's progress hook).</param>
    /// <returns>The absolute paths of the removed files.</returns>
    public IReadOnlyList<string> RemoveSuperseded(string runDir, Action<string>? afterDelete = null)
    {
        runDir = Path.GetFullPath(runDir);
        var all = ReadMarkerFiles(runDir);
        var latest = LatestCompaction(all.Select(m => m.Marker));
        if (latest is null)
        {
            return [];
        }

        var superseded = all.Where(m => m.Marker.IsSupersededBy(latest)).ToList();
        var live = new HashSet<string>(
            all.Where(m => !m.Marker.IsSupersededBy(latest)).SelectMany(m => m.Marker.Parts).Select(p => RunLayout.FullPath(runDir, p.Path)),
            StringComparer.Ordinal);
        var removed = new List<string>();
        var parts = superseded.SelectMany(m => m.Marker.Parts).Select(p => RunLayout.FullPath(runDir, p.Path)).Distinct(StringComparer.Ordinal);
        foreach (var path in parts.Where(p => !live.Contains(p)).Concat(superseded.Select(m => m.Path)))
        {
            if (File.Exists(path))
            {
                File.Delete(path);
                removed.Add(path);
                afterDelete?.Invoke(path);
            }
        }

        return removed;
    }
}
