using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Bench.Memory;

/// <summary>
/// Wraps a real sink and makes it deliberately slow: an awaited delay after every <c>writesPerDelay</c> writes and
/// before every commit, so the engine's queues fill and back-pressure (not the sink) decides memory.
/// </summary>
public sealed class SlowSink(IResultSink inner, int writesPerDelay, TimeSpan writeDelay, TimeSpan commitDelay) : IResultSink
{
    private long _written;

    public long Written => Interlocked.Read(ref _written);

    public long Commits { get; private set; }

    public async ValueTask WriteAsync(EvaluatedItem item, CancellationToken cancellationToken)
    {
        await inner.WriteAsync(item, cancellationToken);
        if (Interlocked.Increment(ref _written) % writesPerDelay == 0)
        {
            await Task.Delay(writeDelay, cancellationToken);
        }
    }

    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(commitDelay, cancellationToken);
        await inner.CommitAsync(cancellationToken);
        Commits++;
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
