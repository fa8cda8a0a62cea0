using MultiTrust.Core.Records;

namespace MultiTrust.Sinks.Results;

public sealed partial class ParquetResultSink
{
    private void Track(TableBuffer buffer, int count)
    {
        // Counts grow by one, so a buffer is queued exactly once per fill.
        if (count == _rowGroupRows)
        {
            _full.Add(buffer);
        }
    }

    private async Task FlushFullAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var buffer in _full)
            {
                await FlushAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error)
        {
            await FailAsync(error).ConfigureAwait(false);
            throw;
        }
        finally
        {
            _full.Clear();
        }
    }

    /// <summary>Writes the buffered rows as one row group to the buffer's part file, opening it on the interval's first flush.</summary>
    private async Task FlushAsync(TableBuffer buffer, CancellationToken cancellationToken)
    {
        if (buffer.Part is null)
        {
            _openSeq ??= _nextSeq++;
            var relative = RunLayout.RelativePartPath(buffer.Table, buffer.Task, _shard, _openSeq.Value);
            buffer.Part = await PartWriter.CreateAsync(RunLayout.FullPath(_runDir, relative), buffer.Schema, _parquetOptions, cancellationToken)
                .ConfigureAwait(false);
        }

        await buffer.Part.WriteRowGroupAsync(g => buffer.WriteColumnsAsync(g, _runId), buffer.Count).ConfigureAwait(false);
        buffer.ClearRows();
    }

    private async ValueTask FailAsync(Exception error)
    {
        _failure = error;
        await AbortIntervalAsync().ConfigureAwait(false);
    }

    /// <summary>Deletes the files of the uncommitted interval and drops its buffered rows.</summary>
    private async ValueTask AbortIntervalAsync()
    {
        foreach (var table in _buffers.Values.SelectMany(b => b.Tables))
        {
            if (table.Part is not null)
            {
                await table.Part.AbortAsync().ConfigureAwait(false);
                table.Part = null;
            }

            table.ClearRows();
            table.MaxRevision = 0;
        }

        _full.Clear();
        _openSeq = null;
        PendingItems = 0;
        _oldestPendingAt = null;
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failure is not null)
        {
            throw new InvalidOperationException(
                $"The Parquet result sink of run '{_runId}', shard '{_shard}' ({_runDir}) failed earlier and cannot be used: {_failure.Message}",
                _failure);
        }
    }

    private TaskBuffer BufferFor(string taskId, EvaluatedItem item)
    {
        if (taskId is not null && _buffers.TryGetValue(taskId, out var buffer))
        {
            return buffer;
        }

        if (taskId is null || !RunLayout.IsSafeSegment(taskId))
        {
            throw new ArgumentException(
                $"Task id '{taskId}' of sample '{item.Sample.Id}' cannot be a partition folder name: " +
                "use ASCII letters, digits, '-', '_' or '.'.", nameof(item));
        }

        buffer = new TaskBuffer(taskId, _imagePaths);
        _buffers.Add(taskId, buffer);
        return buffer;
    }
}
