using Microsoft.Data.Sqlite;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Inference.Cache;

public sealed partial class SqliteResponseCache
{
    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<WorkItem>(MaxBatch);
        var flushes = new List<TaskCompletionSource>();
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                await GatherAsync(batch, flushes).ConfigureAwait(false);
                if (batch.Count > 0)
                {
                    Commit(batch);
                    foreach (var item in batch)
                    {
                        _pending.TryRemove(new KeyValuePair<string, CachedResponse>(PendingKey(item.RequestHash!, item.ServedModel!), item.Response!));
                    }

                    batch.Clear();
                }

                foreach (var flushed in flushes)
                {
                    flushed.TrySetResult();
                }

                flushes.Clear();
            }
        }
        catch (Exception ex)
        {
            _fault = ex is SqliteException sqlite ? Translate(sqlite, _path, "writing") : ex;
            _queue.Writer.TryComplete();
            foreach (var flushed in flushes)
            {
                flushed.TrySetException(_fault);
            }

            while (reader.TryRead(out var item))
            {
                item.Flushed?.TrySetException(_fault);
            }
        }
    }

    /// <summary>Takes queued items until a flush request, a full batch, or ~50 ms without a full batch.</summary>
    private async Task GatherAsync(List<WorkItem> batch, List<TaskCompletionSource> flushes)
    {
        var reader = _queue.Reader;
        var started = _timeProvider.GetTimestamp();
        while (true)
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var item))
            {
                if (item.Flushed is { } flushed)
                {
                    flushes.Add(flushed);
                    return;
                }

                batch.Add(item);
            }

            var remaining = s_linger - _timeProvider.GetElapsedTime(started);
            if (batch.Count >= MaxBatch || batch.Count == 0 || remaining <= TimeSpan.Zero)
            {
                return;
            }

            using var linger = new CancellationTokenSource(remaining, _timeProvider);
            try
            {
                if (!await reader.WaitToReadAsync(linger.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (linger.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private void Commit(List<WorkItem> batch)
    {
        using var transaction = _writeConnection.BeginTransaction();
        using var command = _writeConnection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT OR REPLACE INTO responses (request_hash, served_model, run_id, status, text, finish_reason, input_tokens, output_tokens, created_unix_ms) " +
            "VALUES ($hash, $served, $run, $status, $text, $finish, $input, $output, $created)";
        var hash = command.Parameters.Add("$hash", SqliteType.Text);
        var served = command.Parameters.Add("$served", SqliteType.Text);
        command.Parameters.Add("$run", SqliteType.Text).Value = (object?)_scope.RunId ?? DBNull.Value;
        var status = command.Parameters.Add("$status", SqliteType.Text);
        var text = command.Parameters.Add("$text", SqliteType.Text);
        var finish = command.Parameters.Add("$finish", SqliteType.Text);
        var input = command.Parameters.Add("$input", SqliteType.Integer);
        var output = command.Parameters.Add("$output", SqliteType.Integer);
        var created = command.Parameters.Add("$created", SqliteType.Integer);
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var item in batch)
        {
            var response = item.Response!;
            hash.Value = item.RequestHash!;
            served.Value = item.ServedModel!;
            status.Value = response.Status.ToName();
            text.Value = (object?)response.Text ?? DBNull.Value;
            finish.Value = (object?)response.FinishReason ?? DBNull.Value;
            input.Value = (object?)response.InputTokens ?? DBNull.Value;
            output.Value = (object?)response.OutputTokens ?? DBNull.Value;
            created.Value = now;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
