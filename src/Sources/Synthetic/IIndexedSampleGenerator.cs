using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Sources.Synthetic;

/// <summary>
/// A seeded synthetic generator whose sample <c>i</c> depends only on (seed, task, i): <see cref="SyntheticSource"/>
/// generates samples in a bounded, order-preserving parallel window, so generation (render, encode, store) never
/// holds the run back and the output is identical whatever the thread count. Implementations are immutable and
/// thread-safe; <see cref="GenerateAsync"/> may be called concurrently for different indexes.
/// </summary>
public interface IIndexedSampleGenerator
{
    /// <summary>Subset names; sample <c>i</c> belongs to <c>Subsets[i mod |Subsets|]</c> unless the generator says otherwise.</summary>
    IReadOnlyList<string> Subsets { get; }

    /// <summary>
    /// How many distinct samples the generator can make. A count above it is rejected before anything is sent, naming
    /// the task and this maximum.
    /// </summary>
    long Capacity { get; }

    /// <summary>Sample <paramref name="index"/> (0-based, below <see cref="Capacity"/>); its images are stored in <see cref="TaskGenerationContext.Images"/>.</summary>
    ValueTask<Sample> GenerateAsync(long index, TaskGenerationContext context, CancellationToken cancellationToken);
}
