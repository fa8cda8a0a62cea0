using System.Text.Json;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Core.Storage;
using MultiTrust.Core.Telemetry;
using Parquet;

namespace MultiTrust.Sinks.Results;

/// <summary>
/// Writes evaluated items as Hive-partitioned Parquet under a run directory:
/// <c>&lt;runDir&gt;/&lt;table&gt;/task=&lt;task&gt;/part-&lt;shard&gt;-&lt;seq&gt;.parquet</c> for the tables <c>samples</c>,
/// <c>responses</c> and <c>judgments</c>. Rows are buffered per (task, table); every
/// <see cref="ParquetSinkOptions.RowGroupRows"/> rows are written as one row group to that (task, table)'s part file of
/// the current commit interval, open under a temporary name. <see cref="CommitAsync"/> first makes what the rows refer to
/// durable (<see cref="ParquetSinkOptions.BeforeCommit"/>), writes the remaining rows as a last row group, finishes each
/// part, flushes it to disk, renames it and flushes its folder, and then, last, writes the commit marker
/// <c>_commits/&lt;shard&gt;-&lt;seq&gt;.json</c> that lists them. Readers see only parts a marker lists. Memory is
/// bounded by the row-group size (per task and table with rows in the interval), not by the commit interval.
/// </summary>
/// <remarks>
/// <para>
/// Not thread-safe: one writer calls it. One sink per (run, shard) at a time; opening a sink on a run directory that
/// already has commits of the same shard continues their sequence. Call <see cref="RunStore.Recover"/> before opening a
/// sink on a run that may have crashed (it deletes the temporary files of an interrupted interval).
/// </para>
/// <para>
/// Failures: if writing a row group (in <see cref="WriteAsync"/>) or a commit fails, the exception propagates, the
/// temporary (and already renamed) files of the uncommitted interval are deleted, no marker is written, and the sink is
/// broken: every later call throws an <see cref="InvalidOperationException"/> whose inner exception is the original
/// error. Earlier commits stay intact; the uncommitted items are recomputed when the run resumes.
/// <see cref="DisposeAsync"/> does not commit: rows written since the last commit are dropped and their temporary files
/// deleted.
/// </para>
/// </remarks>
public sealed partial class ParquetResultSink : IResultSink
{
    private static readonly JsonSerializerOptions s_markerJson = new() { WriteIndented = true };

    private readonly string _runDir;
    private readonly string _runId;
    private readonly string _shard;
    private readonly ParquetOptions _parquetOptions;
    private readonly TimeProvider _timeProvider;
    private long? _oldestPendingAt; // Timestamp of the first item written since the last commit (commit-lag metric).
    private readonly int _rowGroupRows;
    private readonly Func<CancellationToken, ValueTask>? _beforeCommit;
    private readonly ImagePaths _imagePaths;
    private readonly Dictionary<string, TaskBuffer> _buffers = new(StringComparer.Ordinal);
    private readonly List<TableBuffer> _full = [];
    private long _nextSeq;
    private long? _openSeq;
    private Exception? _failure;
    private bool _disposed;

    /// <param name="runDir">The run directory, <c>&lt;out&gt;/runs/&lt;run_id&gt;</c>; created if missing.</param>
    /// <param name="runId">The run id written in every row's <c>run_id</c> column.</param>
    /// <param name="shard">The shard id used in part and marker names: ASCII letters, digits, <c>-</c>, <c>_</c>, <c>.</c>.</param>
    /// <param name="options">Compression, clock and row-group size; <see cref="ParquetSinkOptions.Default"/> when null.</param>
    public ParquetResultSink(string runDir, string runId, string shard = "0", ParquetSinkOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDir);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        if (!RunLayout.IsSafeSegment(shard))
        {
            throw new ArgumentException(
                $"Shard id '{shard}' cannot be used in file names: use ASCII letters, digits, '-', '_' or '.'.", nameof(shard));
        }

        options ??= ParquetSinkOptions.Default;
        _runDir = Path.GetFullPath(runDir);
        _runId = runId;
        _shard = shard;
        _parquetOptions = ParquetFiles.CreateOptions(options.Compression);
        _timeProvider = options.TimeProvider;
        _rowGroupRows = options.RowGroupRows;
        _beforeCommit = options.BeforeCommit;
        _imagePaths = new ImagePaths(options.ImagePathRoot);
        Directory.CreateDirectory(_runDir);
        _nextSeq = CommitSequence.Next(_runDir, shard);
    }

    /// <summary>The sequence number the next commit will use.</summary>
    public long NextSeq => _openSeq ?? _nextSeq;

    /// <summary>The number of items written since the last commit (the engine commits every N of them).</summary>
    public int PendingItems { get; private set; }

    /// <summary>The rows held in memory (not yet written to a row group), over every task and table.</summary>
    internal int BufferedRows => _buffers.Values.SelectMany(b => b.Tables).Sum(t => t.Count);

    /// <summary>The rows held in memory by the fullest (task, table) buffer; always below the row-group size between calls.</summary>
    internal int LargestBufferRows => _buffers.Values.SelectMany(b => b.Tables).Select(t => t.Count).DefaultIfEmpty().Max();

    /// <inheritdoc />
    /// <remarks>Completes synchronously unless a (task, table) buffer reached the row-group size and is written out.</remarks>
    public ValueTask WriteAsync(EvaluatedItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ThrowIfUnusable();

        // Resolve (and so validate) every task id first: an invalid item adds no row at all. A committed response judged
        // again adds its new judgment rows only.
        var samples = item.WriteSampleRow && !item.JudgmentsOnly ? BufferFor(item.Sample.TaskId, item) : null;
        var responses = item.JudgmentsOnly ? null : BufferFor(item.Response.TaskId, item);
        var judgments = item.Judgments.IsDefaultOrEmpty ? [] : item.Judgments;
        foreach (var judgment in judgments)
        {
            BufferFor(judgment.TaskId, item);
        }

        if (samples is not null)
        {
            Track(samples.Samples, samples.Samples.Add(new SampleRow(item.Sample, item.Variant)));
        }

        if (responses is not null)
        {
            Track(responses.Responses, responses.Responses.Add(item.Response));
        }

        foreach (var judgment in judgments)
        {
            var buffer = _buffers[judgment.TaskId].Judgments;
            buffer.MaxRevision = Math.Max(buffer.MaxRevision, judgment.Revision);
            Track(buffer, buffer.Add(judgment));
        }

        PendingItems++;
        _oldestPendingAt ??= _timeProvider.GetTimestamp();
        return _full.Count == 0 ? ValueTask.CompletedTask : new ValueTask(FlushFullAsync(cancellationToken));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Does nothing when nothing was written since the last commit. If it fails, the files of this interval are deleted,
    /// no marker is written, the exception propagates and the sink is broken (see the class remarks).
    /// </remarks>
    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        var tables = _buffers.OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => p.Value.Tables)
            .Where(t => t.Count > 0 || t.Part is not null)
            .ToList();
        if (tables.Count == 0)
        {
            return;
        }

        using var activity = MultiTrustTelemetry.Sinks.StartActivity("sink.commit");
        try
        {
            // A sequence number is used once, even by a failed commit, so a leftover file can never collide with a later one.
            var seq = _openSeq ??= _nextSeq++;
            if (_beforeCommit is not null)
            {
                await _beforeCommit(cancellationToken).ConfigureAwait(false);
            }

            var parts = new List<CommittedPart>(tables.Count);
            foreach (var table in tables)
            {
                if (table.Count > 0)
                {
                    await FlushAsync(table, cancellationToken).ConfigureAwait(false);
                }

                await table.Part!.CompleteAsync(cancellationToken).ConfigureAwait(false);
                parts.Add(new CommittedPart(
                    table.Table, table.Task, RunLayout.RelativePartPath(table.Table, table.Task, _shard, seq), table.Part.Rows,
                    table.MaxRevision > 0 ? table.MaxRevision : null));
            }

            var marker = new CommitMarker(CommitMarker.CurrentFormat, _runId, _shard, seq, _timeProvider.GetUtcNow(), parts);
            var markerPath = Path.Combine(RunLayout.CommitsDir(_runDir), CommitMarker.FileName(_shard, seq));
            await AtomicFile.WriteAsync(markerPath, JsonSerializer.SerializeToUtf8Bytes(marker, s_markerJson), overwrite: false, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception error)
        {
            await FailAsync(error).ConfigureAwait(false);
            throw;
        }

        foreach (var table in tables)
        {
            table.Part = null;
            table.MaxRevision = 0;
        }

        _openSeq = null;
        PendingItems = 0;
        if (_oldestPendingAt is { } oldest)
        {
            MultiTrustTelemetry.CommitLag.Record(_timeProvider.GetElapsedTime(oldest).TotalMilliseconds);
            _oldestPendingAt = null;
        }

        activity?.SetTag("multitrust.parts", tables.Count);
    }

    /// <inheritdoc />
    /// <remarks>Does not commit: deletes the temporary files of the current interval and drops its buffered rows.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await AbortIntervalAsync().ConfigureAwait(false);
        _buffers.Clear();
    }
}
