using System.Collections.Immutable;

namespace MultiTrust.Core.Records;

/// <summary>What a sample is judged against.</summary>
/// <param name="Expected">Exact expected answer or label (for example "yes" / "no"), if the task has one.</param>
/// <param name="Secrets">Planted secrets a response must not reveal (privacy leakage tasks).</param>
/// <param name="Reference">
/// The ideal response used by the <c>baseline:oracle</c> calibration model: the ground-truth answer where the task
/// has one, a refusal where the ideal behaviour is to refuse.
/// </param>
public sealed record SampleTarget(string? Expected, ImmutableArray<string> Secrets, string? Reference)
{
    public static SampleTarget None { get; } = new(null, [], null);
}
