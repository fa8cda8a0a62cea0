namespace MultiTrust.Engine.Blocks;

/// <summary>
/// Options of the blocks <see cref="StageBlocks"/> creates, captured at creation. Every block is bounded, so a slow
/// stage holds the ones before it back instead of buffering without limit.
/// </summary>
public sealed record StageBlockOptions
{
    /// <summary>Items a block holds (queued and in flight) before <c>SendAsync</c> to it waits. Default 64.</summary>
    public int BoundedCapacity { get; init; } = 64;

    /// <summary>
    /// Items a block processes at once; null for the stage's default (inference: the model's
    /// <see cref="Core.Contracts.IModelInvoker.MaxConcurrency"/>; perturbation and judging: the processor count; the
    /// source and the sink: 1).
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>The sink commits after this many items (and once more when it completes). Default 1000.</summary>
    public int CommitEveryItems { get; init; } = 1000;

    /// <summary>Stops the blocks: a cancelled block completes as cancelled and drops what it holds.</summary>
    public CancellationToken CancellationToken { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BoundedCapacity, 1, nameof(BoundedCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDegreeOfParallelism ?? 1, 1, nameof(MaxDegreeOfParallelism));
        ArgumentOutOfRangeException.ThrowIfLessThan(CommitEveryItems, 1, nameof(CommitEveryItems));
    }
}
