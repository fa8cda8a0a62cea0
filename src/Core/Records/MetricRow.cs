namespace MultiTrust.Core.Records;

/// <summary>
/// One metric for (run, model, task, subset). <see cref="Value"/> is a fraction in [0, 1] for rates; <see cref="N"/>
/// counts the judged responses in the denominator and <see cref="Excluded"/> the failed responses left out of it.
/// <see cref="Subset"/> is <c>all</c> for the whole task. <see cref="Variant"/> is the variant id the metric is computed
/// over: <c>clean</c> for the unperturbed samples, otherwise a perturbed variant id such as <c>gaussian-noise@3</c>.
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
    long Excluded,
    string Variant = MetricRow.CleanVariant)
{
    /// <summary>The <see cref="Subset"/> of the whole-task rows.</summary>
    public const string AllSubsets = "all";

    /// <summary>The <see cref="Variant"/> of unperturbed samples (the variant task scores are computed from).</summary>
    public const string CleanVariant = "clean";
}
