using System.Collections.Immutable;

namespace MultiTrust.Core.Records;

/// <summary>
/// Everything the engine produced for one (sample, variant, model): the unit a result sink writes and commits.
/// <see cref="WriteSampleRow"/> is true for exactly one model per (sample, variant), so the samples table holds one row each.
/// </summary>
public sealed record EvaluatedItem(
    Sample Sample,
    Variant Variant,
    ModelResponse Response,
    ImmutableArray<Judgment> Judgments,
    bool WriteSampleRow);
