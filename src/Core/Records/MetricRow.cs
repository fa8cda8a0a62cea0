namespace MultiTrust.Core.Records;

/// <summary>
/// One metric for (run, model, task, subset). <see cref="Value"/> is a fraction in [0, 1] for rates; <see cref="N"/>
/// counts the judged responses in the denominator and <see cref="Excluded"/> the failed responses left out of it.
/// <see cref="Subset"/> is <c>all</c> for the whole task.
/// </summary>
public sealed record MetricRow(
    string RunId,
    string ModelId,
    string TaskId,
    string Subset,
    string Metric,
    double? Value,
    long N,
    double? CiLow,
    double? CiHigh,
    long Excluded);
