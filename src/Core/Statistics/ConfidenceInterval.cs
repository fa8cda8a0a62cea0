namespace MultiTrust.Core.Statistics;

/// <summary>
/// The Wilson score interval for a proportion (rates of 0/1 scores: accuracy, RtA, ASR, leak rate, failure rate): it
/// stays inside [0, 1] and behaves well for proportions near 0 or 1 and for small n. Other statistics use the Poisson
/// bootstrap (<see cref="PoissonBootstrap"/>).
/// </summary>
public static class ConfidenceInterval
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
}
