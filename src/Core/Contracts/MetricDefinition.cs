namespace MultiTrust.Core.Contracts;

/// <summary>
/// A metric declared as data: the mean of <c>Judgment.Score</c> of judge <paramref name="JudgeId"/> over the judged
/// responses of a task (and of each subset). Failed responses (skipped judgments) are excluded from the denominator
/// and counted separately.
/// </summary>
/// <param name="Name">Metric name, for example <c>accuracy</c>, <c>rta</c>, <c>leak_rate</c>.</param>
/// <param name="JudgeId">The judge whose scores are averaged.</param>
/// <param name="HigherIsBetter">Direction, for the report.</param>
public sealed record MetricDefinition(string Name, string JudgeId, bool HigherIsBetter);
