using System.Collections.Immutable;

namespace MultiTrust.Stages.Aggregation;

/// <summary>
/// One row of the MultiTrust aggregation table (protocol §2.6): a sub-aspect and the weighted task scores it combines.
/// </summary>
/// <param name="Code">Leaderboard code, for example <c>T.I</c>; the <c>Key</c> of its <c>sub_aspect</c> score row.</param>
/// <param name="Name">Sub-aspect name, for example <c>Inherent Deficiency</c>.</param>
/// <param name="Aspect">Truthfulness, Safety, Robustness, Fairness or Privacy.</param>
/// <param name="Tasks">Member tasks with relative weights (equal weights = the mean).</param>
public sealed record SubAspectDefinition(string Code, string Name, string Aspect, ImmutableArray<WeightedTask> Tasks)
{
    /// <summary>A sub-aspect scored as the plain mean of its tasks.</summary>
    public static SubAspectDefinition Mean(string code, string name, string aspect, params string[] taskIds) =>
        new(code, name, aspect, [.. taskIds.Select(id => new WeightedTask(id, 1.0))]);
}
