namespace MultiTrust.Sinks.Compare;

/// <summary>
/// The fallback direction of a metric by name, for metrics of tasks the comparer has no definition for: rates of harm
/// (<c>leak_rate</c>, <c>asr</c>, toxicity, ...) are lower-is-better, everything else higher-is-better.
/// </summary>
public static class MetricDirections
{
    private static readonly string[] s_lowerIsBetter =
    [
        "leak_rate", "asr", "attack_success_rate", "toxicity", "toxicity_score", "perspective", "error_rate", "hallucination_rate",
    ];

    public static bool HigherIsBetter(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return !s_lowerIsBetter.Contains(metric, StringComparer.OrdinalIgnoreCase)
            && !metric.Contains("toxicity", StringComparison.OrdinalIgnoreCase);
    }
}
