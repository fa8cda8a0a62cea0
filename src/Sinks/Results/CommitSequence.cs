namespace MultiTrust.Sinks.Results;

/// <summary>Finds the next free commit sequence number of a shard in a run directory.</summary>
internal static class CommitSequence
{
    /// <summary>
    /// One more than the highest sequence number used by the shard's commit markers, part files or temporary files, or
    /// covered by the latest compaction, or 0 for a new shard. Counting uncommitted files too means a resumed sink never overwrites an orphan.
    /// </summary>
    public static long Next(string runDir, string shard)
    {
        var max = -1L;
        var commits = RunLayout.CommitsDir(runDir);
        if (Directory.Exists(commits))
        {
            foreach (var path in Directory.EnumerateFiles(commits))
            {
                var name = Path.GetFileName(path);
                max = Math.Max(max, RunLayout.ParseSeq(name, string.Empty, shard, ".json"));
                max = Math.Max(max, ParseTemp(name, string.Empty, shard, ".json"));
            }

            // A compaction deletes the markers and parts it replaced; its marker remembers how far each shard had got.
            var compaction = RunStore.LatestCompaction(RunStore.ReadMarkerFiles(runDir, compactionsOnly: true).Select(m => m.Marker));
            if (compaction is not null && compaction.Covers!.TryGetValue(shard, out var covered))
            {
                max = Math.Max(max, covered);
            }
        }

        foreach (var table in TableNames.Partitioned)
        {
            var tableDir = Path.Combine(runDir, table);
            if (!Directory.Exists(tableDir))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(tableDir, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetFileName(path);
                max = Math.Max(max, RunLayout.ParseSeq(name, "part-", shard, ".parquet"));
                max = Math.Max(max, ParseTemp(name, "part-", shard, ".parquet"));
            }
        }

        return max + 1;
    }

    // Temporary names are ".tmp-<final name>.<guid>".
    private static long ParseTemp(string name, string prefix, string shard, string suffix)
    {
        if (!name.StartsWith(ParquetFiles.TempPrefix, StringComparison.Ordinal))
        {
            return -1;
        }

        var dot = name.LastIndexOf('.');
        return dot <= ParquetFiles.TempPrefix.Length
            ? -1
            : RunLayout.ParseSeq(name[ParquetFiles.TempPrefix.Length..dot], prefix, shard, suffix);
    }
}
