namespace MultiTrust.Stages.Aggregation;

/// <summary>
/// 95% confidence intervals for a mean of per-response scores.
/// <list type="bullet">
/// <item>Scores that are all 0 or 1 (rates: accuracy, RtA, ASR, leak rate): the Wilson score interval, which stays
/// inside [0, 1] and behaves well for proportions near 0 or 1 and for small n.</item>
/// <item>Any other scores: the normal approximation mean ± z·s/√n with the sample standard deviation s (n − 1
/// denominator); undefined (null) for n &lt; 2. When every observed score lies in [0, 1] the interval is clipped to
/// [0, 1].</item>
/// </list>
/// </summary>
internal static class ConfidenceInterval
{
    /// <summary>The standard normal quantile for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    public static (double Low, double High) Wilson(long successes, long n, double z = Z95)
    {
        if (n <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "A Wilson interval needs at least one observation.");
        }

        var p = (double)successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var center = (p + (z2 / (2.0 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        return (Math.Max(0, center - half), Math.Min(1, center + half));
    }

    public static (double Low, double High)? Normal(double mean, double sampleVariance, long n, bool clipToUnit, double z = Z95)
    {
        if (n < 2)
        {
            return null;
        }

        var half = z * Math.Sqrt(Math.Max(0, sampleVariance) / n);
        var low = mean - half;
        var high = mean + half;
        return clipToUnit ? (Math.Max(0, low), Math.Min(1, high)) : (low, high);
    }
}
