using System.Text.Json;
using MultiTrust.Core.Storage;
using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Results;

/// <summary>
/// Rewrites the committed parts of a run into one part per (table, task) with large row groups, under the commit
/// protocol: the compacted parts are written under temporary names, flushed and renamed (invisible, since no marker
/// lists them), then one compaction marker <c>_commits/compaction-g&lt;generation&gt;.json</c> is written the same way.
/// That marker is the commit point: it lists the live parts and, per shard, the highest commit sequence number it
/// replaced, so readers (<see cref="RunStore.ReadCommits"/>, the DuckDB views) switch from the old set of parts to the new
/// one at once. Only then are the replaced parts and markers deleted. A crash before the marker leaves the old parts
/// valid (the new files are orphans, deleted by the next compaction or <see cref="RunStore.Recover"/>); a crash after it
/// leaves the new set valid (the old files are ignored and deleted later). Rows are copied column by column, never
/// reinterpreted, so no row is lost, duplicated or changed.
/// </summary>
/// <remarks>
/// Commits that a sink makes while a compaction runs stay visible (their sequence numbers are above what the marker
/// covers), but compaction reads every committed part of the run, so run it after the run's writers have finished.
/// </remarks>
public sealed class RunCompactor
{
    private const string CompactedPrefix = "compacted-g";
    private static readonly JsonSerializerOptions s_markerJson = new() { WriteIndented = true };

    private readonly CompactionOptions _options;
    private readonly ParquetOptions _parquetOptions;
    private readonly RunStore _store = new();

    public RunCompactor(CompactionOptions? options = null)
    {
        _options = options ?? CompactionOptions.Default;
        _parquetOptions = ParquetFiles.CreateOptions(_options.Compression);
    }

    /// <summary>
    /// Compacts the run in <paramref name="runDir"/>. First finishes an earlier compaction that was interrupted after its
    /// marker (deleting what it replaced) and deletes the leftovers of one interrupted before its marker. A run whose every
    /// (table, task) already has at most one committed part is left as it is.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The run directory does not exist.</exception>
    /// <exception cref="InvalidDataException">A marker or part is unreadable, or a part's row count differs from its marker.</exception>
    public async Task<CompactionResult> CompactAsync(string runDir, CancellationToken cancellationToken = default)
    {
        runDir = Path.GetFullPath(runDir);
        if (!Directory.Exists(runDir))
        {
            throw new DirectoryNotFoundException($"Run folder {runDir} does not exist.");
        }

        var removed = await RemoveSupersededAsync(runDir, cancellationToken).ConfigureAwait(false);
        var live = _store.ReadCommits(runDir);
        removed += RemoveLeftovers(runDir, live);
        var parts = live.SelectMany(m => m.Parts).ToList();
        var groups = parts
            .GroupBy(p => (p.Table, p.Task))
            .OrderBy(g => IndexOfTable(g.Key.Table))
            .ThenBy(g => g.Key.Task, StringComparer.Ordinal)
            .ToList();
        if (groups.TrueForAll(g => g.Count() <= 1))
        {
            return new CompactionResult(null, parts.Count, parts.Count, 0, removed);
        }

        var runId = live.Select(m => m.RunId).Distinct(StringComparer.Ordinal).ToList() is [var single]
            ? single
            : throw new InvalidDataException($"{runDir}: the commit markers name different run ids; refusing to compact.");
        var previous = RunStore.LatestCompaction(live);
        var generation = (previous?.Seq ?? 0) + 1;
        var covers = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var marker in live)
        {
            foreach (var (shard, seq) in marker.IsCompaction ? marker.Covers! : new Dictionary<string, long> { [marker.Shard] = marker.Seq })
            {
                covers[shard] = covers.TryGetValue(shard, out var seen) ? Math.Max(seen, seq) : seq;
            }
        }

        var newParts = new List<CommittedPart>(groups.Count);
        long rewritten = 0;
        foreach (var group in groups)
        {
            var inputs = group.ToList();
            if (inputs.Count == 1)
            {
                newParts.Add(inputs[0]);
                continue;
            }

            var (table, task) = group.Key;
            var relative = $"{table}/task={task}/{CompactedPrefix}{generation:000000}.parquet";
            var rows = await WritePartAsync(runDir, table, inputs, RunLayout.FullPath(runDir, relative), cancellationToken).ConfigureAwait(false);
            var maxRevision = inputs.Max(p => p.MaxRevision);
            newParts.Add(new CommittedPart(table, task, relative, rows, maxRevision > 0 ? maxRevision : null));
            rewritten += rows;
        }

        var compaction = new CommitMarker(
            CommitMarker.CompactionFormat, runId, CommitMarker.CompactionShard, generation, _options.TimeProvider.GetUtcNow(), newParts, covers);
        var markerPath = Path.Combine(RunLayout.CommitsDir(runDir), CommitMarker.CompactionFileName(generation));
        await AtomicFile.WriteAsync(markerPath, JsonSerializer.SerializeToUtf8Bytes(compaction, s_markerJson), overwrite: false, cancellationToken)
            .ConfigureAwait(false);
        Report(CompactionStep.MarkerWritten, markerPath);
        removed += await RemoveSupersededAsync(runDir, cancellationToken).ConfigureAwait(false);
        return new CompactionResult(generation, parts.Count, newParts.Count, rewritten, removed);
    }

    /// <summary>Deletes what the latest compaction replaced, after <see cref="CompactionOptions.BeforeRemoving"/>.</summary>
    private async Task<int> RemoveSupersededAsync(string runDir, CancellationToken cancellationToken)
    {
        var markers = RunStore.ReadMarkerFiles(runDir).Select(m => m.Marker).ToList();
        var latest = RunStore.LatestCompaction(markers);
        if (!markers.Exists(m => m.IsSupersededBy(latest)))
        {
            return 0;
        }

        if (_options.BeforeRemoving is not null)
        {
            await _options.BeforeRemoving(cancellationToken).ConfigureAwait(false);
        }

        return _store.RemoveSuperseded(runDir, path => Report(CompactionStep.FileRemoved, path)).Count;
    }

    private async Task<long> WritePartAsync(string runDir, string table, List<CommittedPart> inputs, string finalPath, CancellationToken cancellationToken)
    {
        var schema = SchemaOf(table);
        var columns = schema.GetDataFields().Select(ColumnCopy.For).ToList();
        var writer = await PartWriter.CreateAsync(finalPath, schema, _parquetOptions, cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var input in inputs)
            {
                var path = RunLayout.FullPath(runDir, input.Path);
                var rows = await AppendPartAsync(path, columns, writer, cancellationToken).ConfigureAwait(false);
                if (rows != input.Rows)
                {
                    throw new InvalidDataException($"{path}: holds {rows} rows, but its commit marker says {input.Rows}.");
                }
            }

            if (columns[0].Count > 0)
            {
                await FlushAsync(columns, writer, finalPath).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await writer.AbortAsync().ConfigureAwait(false);
            throw;
        }

        Report(CompactionStep.PartPublished, finalPath);
        return writer.Rows;
    }

    private async Task<long> AppendPartAsync(string path, List<ColumnCopy> columns, PartWriter writer, CancellationToken cancellationToken)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(path, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new InvalidDataException($"{path}: not a readable Parquet file ({ex.Message}).", ex);
        }

        long total = 0;
        await using (reader.ConfigureAwait(false))
        {
            var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
            var unknown = fields.Keys.Where(name => !columns.Exists(c => c.Field.Name == name)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidDataException(
                    $"{path}: has column(s) {string.Join(", ", unknown)} that this version does not know; compact it with the version that wrote it.");
            }

            foreach (var column in columns.Where(c => !fields.ContainsKey(c.Field.Name) && !MayBeMissing(c.Field)))
            {
                throw new InvalidDataException($"{path}: column '{column.Field.Name}' is missing.");
            }

            for (var i = 0; i < reader.RowGroupCount; i++)
            {
                using var group = reader.OpenRowGroupReader(i);
                var rows = checked((int)group.RowCount);
                foreach (var column in columns)
                {
                    try
                    {
                        await column.AppendAsync(group, fields.GetValueOrDefault(column.Field.Name), rows, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        throw new InvalidDataException($"{path}, row group {i}, column '{column.Field.Name}': {ex.Message}", ex);
                    }
                }

                total += rows;
                if (columns[0].Count >= _options.RowGroupRows)
                {
                    await FlushAsync(columns, writer, writer.FinalPath).ConfigureAwait(false);
                }
            }
        }

        return total;
    }

    private async Task FlushAsync(List<ColumnCopy> columns, PartWriter writer, string finalPath)
    {
        await writer.WriteRowGroupAsync(
            async group =>
            {
                foreach (var column in columns)
                {
                    await column.WriteAsync(group).ConfigureAwait(false);
                }
            },
            columns[0].Count).ConfigureAwait(false);
        foreach (var column in columns)
        {
            column.Clear();
        }

        Report(CompactionStep.RowGroupWritten, finalPath);
    }

    /// <summary>
    /// Deletes what an interrupted compaction left before its marker: temporary files and compacted parts no live marker
    /// lists. Ordinary commits never use these names, so a writing sink is never disturbed.
    /// </summary>
    private int RemoveLeftovers(string runDir, IReadOnlyList<CommitMarker> live)
    {
        var listed = new HashSet<string>(live.SelectMany(m => m.Parts).Select(p => RunLayout.FullPath(runDir, p.Path)), StringComparer.Ordinal);
        var removed = 0;
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
                var leftover = name.StartsWith(ParquetFiles.TempPrefix + CompactedPrefix, StringComparison.Ordinal)
                    || (name.StartsWith(CompactedPrefix, StringComparison.Ordinal) && !listed.Contains(path));
                if (leftover)
                {
                    File.Delete(path);
                    removed++;
                    Report(CompactionStep.FileRemoved, path);
                }
            }
        }

        var commitsDir = RunLayout.CommitsDir(runDir);
        if (Directory.Exists(commitsDir))
        {
            foreach (var path in Directory.EnumerateFiles(commitsDir, ParquetFiles.TempPrefix + CommitMarker.CompactionFilePrefix + "*").ToList())
            {
                File.Delete(path);
                removed++;
                Report(CompactionStep.FileRemoved, path);
            }
        }

        return removed;
    }

    private void Report(CompactionStep step, string path) => _options.OnStep?.Invoke(step, path);

    private static bool MayBeMissing(DataField field) => field.IsNullable || field.Name == "revision";

    private static int IndexOfTable(string table)
    {
        var index = TableNames.Partitioned.ToList().IndexOf(table);
        return index < 0 ? int.MaxValue : index;
    }

    private static ParquetSchema SchemaOf(string table) => table switch
    {
        TableNames.Samples => SampleTable.Schema,
        TableNames.Responses => ResponseTable.Schema,
        TableNames.Judgments => JudgmentTable.Schema,
        _ => throw new InvalidDataException($"A commit marker lists a part of table '{table}', which this version does not know."),
    };
}
