using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Bench.Common;

/// <summary>Discards items (attribution experiments only: the engine and model without any sink cost).</summary>
public sealed class NullSink : IResultSink
{
    public ValueTask WriteAsync(EvaluatedItem item, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask CommitAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
