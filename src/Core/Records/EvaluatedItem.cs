using System.Collections.Immutable;

namespace MultiTrust.Core.Records;

/// <summary>
/// Everything the engine produced for one (sample, variant, model): the unit a result sink writes and commits.
/// <see cref="WriteSampleRow"/> is true for exactly one model per (sample, variant), so the samples table holds one row each.
/// </summary>
/// <remarks>
/// <see cref="JudgmentsOnly"/> marks a committed response judged again: its <see cref="Response"/> (and sample row) are
/// already committed, so a sink writes only <see cref="Judgments"/> — the new judgment rows, each with a higher
/// <see cref="Judgment.Revision"/> than the one it supersedes.
/// </remarks>
public sealed record EvaluatedItem(
    Sample Sample,
    Variant Variant,
    ModelResponse Response,
    ImmutableArray<Judgment> Judgments,
    bool WriteSampleRow)
{
    /// <summary>True when only the judgments are new (see the remarks); the response row is not written again.</summary>
    public bool JudgmentsOnly { get; init; }
}
