using MultiTrust.Core.Statistics;

namespace MultiTrust.Sinks.Compare;

/// <summary>The 95% Wilson score interval of one proportion, the interval <c>metrics.parquet</c> reports for 0/1 scores.</summary>
public static class ProportionInterval
{
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public static (double Low, double High) Wilson(long successes, long n) => ConfidenceInterval.Wilson(successes, n);
}
