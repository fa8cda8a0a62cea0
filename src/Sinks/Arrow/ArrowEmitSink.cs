using Apache.Arrow.Ipc;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Sinks.Arrow;

/// <summary>
/// Streams a run's responses and judgments as Arrow IPC (stream format, <see cref="ArrowEmitSchema"/>) to a file or
/// standard output while another sink — the run's Parquet store — keeps the system of record. Rows are held from
/// <see cref="WriteAsync"/> until the inner sink commits them; then they go out as one record batch, so a consumer sees
/// only committed rows, each once per attempt (a resumed run emits the rows of its new attempt). Memory: the rows of
/// one commit interval.
/// </summary>
/// <remarks>
/// Not thread-safe: one writer calls it, like every <see cref="IResultSink"/>. <see cref="DisposeAsync"/> ends the
/// stream (end-of-stream marker) and disposes the inner sink; it owns <paramref name="output"/> unless
/// <paramref name="leaveOpen"/>.
/// </remarks>
public sealed class ArrowEmitSink(IResultSink inner, Stream output, string runId, bool leaveOpen = false) : IResultSink
{
    private readonly ArrowEmitBatch _batch = new(runId);
    private ArrowStreamWriter? _writer;
    private bool _disposed;

    /// <summary>Rows emitted so far (responses and judgments).</summary>
    public long Emitted { get; private set; }

    public async ValueTask WriteAsync(EvaluatedItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await inner.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        if (!item.JudgmentsOnly)
        {
            _batch.Add(item.Response);
        }

        foreach (var judgment in item.Judgments)
        {
            _batch.Add(judgment);
        }
    }

    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        await inner.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (_batch.Count == 0)
        {
            return;
        }

        using var batch = _batch.Build();
        _writer ??= new ArrowStreamWriter(output, ArrowEmitSchema.Schema, leaveOpen: true);
        await _writer.WriteRecordBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        Emitted += _batch.Count;
        _batch.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (_writer is null)
            {
                // Nothing was committed: the stream still carries the schema, so readers see an empty table, not an error.
                _writer = new ArrowStreamWriter(output, ArrowEmitSchema.Schema, leaveOpen: true);
                await _writer.WriteStartAsync().ConfigureAwait(false);
            }

            await _writer.WriteEndAsync().ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
            _writer.Dispose();
        }
        finally
        {
            if (!leaveOpen)
            {
                await output.DisposeAsync().ConfigureAwait(false);
            }

            await inner.DisposeAsync().ConfigureAwait(false);
        }
    }
}
