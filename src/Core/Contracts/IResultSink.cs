using MultiTrust.Core.Records;

namespace MultiTrust.Core.Contracts;

/// <summary>
/// Receives evaluated items and commits them durably. Not thread-safe: the engine calls it from one writer.
/// Rows written but not yet committed may be lost on a crash and are then recomputed on resume;
/// committed rows are never lost or duplicated.
/// </summary>
public interface IResultSink : IAsyncDisposable
{
    ValueTask WriteAsync(EvaluatedItem item, CancellationToken cancellationToken);

    /// <summary>Makes everything written so far durable and visible to readers.</summary>
    ValueTask CommitAsync(CancellationToken cancellationToken);
}
