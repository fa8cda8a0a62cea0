namespace MultiTrust.Core.Contracts;

/// <summary>
/// A metric declared as data: what <paramref name="Kind"/> of statistic is computed from the judgments of judge
/// <paramref name="JudgeId"/> over a task (and each subset and variant). Failed responses (skipped judgments) and judge
/// errors are excluded from the denominator and counted separately.
/// </summary>
/// <param name="Name">Metric name, for example <c>accuracy</c>, <c>rta</c>, <c>leak_rate</c>, <c>pearson</c>.</param>
/// <param name="JudgeId">The judge whose judgments the metric reads.</param>
/// <param name="HigherIsBetter">Direction, for the report.</param>
/// <param name="Kind">The statistic; <see cref="MetricKind.Mean"/> (the mean of the judge's scores) by default.</param>
/// <param name="PositiveLabel">
/// The positive class (a judge label, for example <c>yes</c>) for <see cref="MetricKind.Precision"/>,
/// <see cref="MetricKind.Recall"/> and <see cref="MetricKind.F1"/>; required by those kinds, ignored by the others.
/// </param>
public sealed record MetricDefinition(
    string Name,
    string JudgeId,
    bool HigherIsBetter,
    MetricKind Kind = MetricKind.Mean,
    string? PositiveLabel = null);
