using System.Text.Json;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Results;

/// <summary>
/// Writes evaluated items as Hive-partitioned Parquet under a run directory:
/// <c>&lt;runDir&gt;/&lt;table&gt;/task=&lt;task&gt;/part-&lt;shard&gt;-&lt;seq&gt;.parquet</c> for the tables <c>samples</c>,
/// <c>responses</c> and <c>judgments</c>. Rows are buffered in memory per task until <see cref="CommitAsync"/>, which writes
/// one part per (table, task), each under a temporary name that is flushed to disk and renamed, and then, last, the commit
/// marker <c>_commits/&lt;shard&gt;-&lt;seq&gt;.json</c> that lists them. Readers see only parts a marker lists.
/// </summary>
/// <remarks>
/// Not thread-safe: one writer calls it. One sink per (run, shard) at a time; opening a sink on a run directory that
/// already has commits of the same shard continues their sequence. Call <see cref="RunStore.Recover"/> before opening a
/// sink on a run that may have crashed. <see cref="DisposeAsync"/> does not commit: rows written since the last commit
/// are dropped (and recomputed on resume).
/// </remarks>
public sealed class ParquetResultSink : IResultSink
{
    private static readonly JsonSerializerOptions s_markerJson = new() { WriteIndented = true };

    private readonly string _runDir;
    private readonly string _runId;
    private readonly string _shard;
    private readonly ParquetOptions _parquetOptions;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, TaskBuffer> _buffers = new(StringComparer.Ordinal);
    private long _nextSeq;
    private bool _disposed;

    /// <param name="runDir">The run directory, <c>&lt;out&gt;/runs/&lt;run_id&gt;</c>; created if missing.</param>
    /// <param name="runId">The run id written in every row's <c>run_id</c> column.</param>
    /// <param name="shard">The shard id used in part and marker names: ASCII letters, digits, <c>-</c>, <c>_</c>, <c>.</c>.</param>
    /// <param name="options">Compression and clock; <see cref="ParquetSinkOptions.Default"/> when null.</param>
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
        Directory.CreateDirectory(_runDir);
        _nextSeq = CommitSequence.Next(_runDir, shard);
    }

    /// <summary>The sequence number the next commit will use.</summary>
    public long NextSeq => _nextSeq;

    /// <summary>The number of items written since the last commit (the engine commits every N of them).</summary>
    public int PendingItems { get; private set; }

    /// <inheritdoc />
    public ValueTask WriteAsync(EvaluatedItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (item.WriteSampleRow)
        {
            BufferFor(item.Sample.TaskId, item).Samples.Add(new SampleRow(item.Sample, item.Variant));
        }

        BufferFor(item.Response.TaskId, item).Responses.Add(item.Response);
        if (!item.Judgments.IsDefaultOrEmpty)
        {
            foreach (var judgment in item.Judgments)
            {
                BufferFor(judgment.TaskId, item).Judgments.Add(judgment);
            }
        }

        PendingItems++;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Does nothing when nothing was written since the last commit. If writing fails, the parts of this commit are
    /// deleted, no marker is written, the rows stay buffered and the exception propagates.
    /// </remarks>
    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_buffers.Values.All(b => b.IsEmpty))
        {
            return;
        }

        // A sequence number is used once, even by a failed commit, so a leftover file can never collide with a later one.
        var seq = _nextSeq++;
        var parts = new List<CommittedPart>();
        try
        {
            foreach (var (task, buffer) in _buffers.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (buffer.Samples.Count > 0)
                {
                    await WritePartAsync(TableNames.Samples, task, seq, buffer.Samples.Count, SampleTable.Schema,
                        g => SampleTable.WriteAsync(g, _runId, buffer.Samples), parts, cancellationToken).ConfigureAwait(false);
                }

                if (buffer.Responses.Count > 0)
                {
                    await WritePartAsync(TableNames.Responses, task, seq, buffer.Responses.Count, ResponseTable.Schema,
                        g => ResponseTable.WriteAsync(g, _runId, buffer.Responses), parts, cancellationToken).ConfigureAwait(false);
                }

                if (buffer.Judgments.Count > 0)
                {
                    await WritePartAsync(TableNames.Judgments, task, seq, buffer.Judgments.Count, JudgmentTable.Schema,
                        g => JudgmentTable.WriteAsync(g, _runId, buffer.Judgments), parts, cancellationToken).ConfigureAwait(false);
                }
            }

            var marker = new CommitMarker(CommitMarker.CurrentFormat, _runId, _shard, seq, _timeProvider.GetUtcNow(), parts);
            var markerPath = Path.Combine(RunLayout.CommitsDir(_runDir), CommitMarker.FileName(_shard, seq));
            await ParquetFiles.WriteTextAtomicAsync(markerPath, JsonSerializer.SerializeToUtf8Bytes(marker, s_markerJson), cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            foreach (var part in parts)
            {
                ParquetFiles.TryDelete(RunLayout.FullPath(_runDir, part.Path));
            }

            throw;
        }

        foreach (var buffer in _buffers.Values)
        {
            buffer.Clear();
        }

        PendingItems = 0;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        _buffers.Clear();
        return ValueTask.CompletedTask;
    }

    private async Task WritePartAsync(
        string table,
        string task,
        long seq,
        int rows,
        ParquetSchema schema,
        Func<ParquetRowGroupWriter, Task> writeColumns,
        List<CommittedPart> parts,
        CancellationToken cancellationToken)
    {
        var relative = RunLayout.RelativePartPath(table, task, _shard, seq);
        await ParquetFiles.WriteAtomicAsync(RunLayout.FullPath(_runDir, relative), schema, _parquetOptions, writeColumns, overwrite: false, cancellationToken)
            .ConfigureAwait(false);
        parts.Add(new CommittedPart(table, task, relative, rows));
    }

    private TaskBuffer BufferFor(string taskId, EvaluatedItem item)
    {
        if (_buffers.TryGetValue(taskId, out var buffer))
        {
            return buffer;
        }

        if (taskId is null || !RunLayout.IsSafeSegment(taskId))
        {
            throw new ArgumentException(
                $"Task id '{taskId}' of sample '{item.Sample.Id}' cannot be a partition folder name: " +
                "use ASCII letters, digits, '-', '_' or '.'.", nameof(item));
        }

        buffer = new TaskBuffer();
        _buffers.Add(taskId, buffer);
        return buffer;
    }
}
