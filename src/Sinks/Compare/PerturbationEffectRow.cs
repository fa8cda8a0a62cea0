namespace MultiTrust.Sinks.Compare;

/// <summary>
/// The effect of one perturbation variant on one metric of one (run, model, task): the metric on the clean variant and
/// on the perturbed variant of the same samples, delta = perturbed − clean with its 95% CI, and the paired test.
/// </summary>
/// <param name="NPairs">Samples judged on both the clean and the perturbed variant.</param>
/// <param name="McNemarB">Discordant pairs clean = 1, perturbed = 0 (null when the scores are not all 0/1).</param>
/// <param name="McNemarC">Discordant pairs clean = 0, perturbed = 1 (null when the scores are not all 0/1).</param>
/// <param name="PValue">McNemar's test for 0/1 scores, the paired t-test otherwise (see <see cref="ComparisonMethods"/>).</param>
public sealed record PerturbationEffectRow(
    string RunId,
    string ModelId,
    string TaskId,
    string Metric,
    string Variant,
    long NPairs,
    double CleanValue,
    double PerturbedValue,
    double Delta,
    double? CiLow,
    double? CiHigh,
    long? McNemarB,
    long? McNemarC,
    double? PValue);
