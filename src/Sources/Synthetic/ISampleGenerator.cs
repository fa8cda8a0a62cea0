using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Sources.Synthetic;

/// <summary>
/// A seeded synthetic sample source. Sample <c>i</c> depends only on (seed, task, i): the same seed and count give the
/// same samples with byte-identical images on every machine, and a longer run extends a shorter one. Samples cycle
/// through <see cref="Subsets"/> (<c>i mod |subsets|</c>). Images are written to
/// <see cref="TaskGenerationContext.Images"/> as samples are produced, so memory stays flat for any count.
/// Instances are immutable and thread-safe; each enumeration owns its renderers.
/// </summary>
public interface ISampleGenerator
{
    /// <summary>Subset names in the order samples cycle through them.</summary>
    IReadOnlyList<string> Subsets { get; }

    IAsyncEnumerable<Sample> GenerateAsync(TaskGenerationContext context, CancellationToken cancellationToken);
}
