using MultiTrust.Core.Statistics;

namespace MultiTrust.Sinks.Compare;

/// <summary>
/// Compares two means measured on the same samples when the scores are not all 0/1 (for example a toxicity score):
/// the paired t interval d̄ ± t(0.975, n − 1)·s_d/√n on the per-sample differences d = B − A and the paired t-test.
/// Stateless.
/// </summary>
/// <remarks>
/// Fewer than 2 pairs: no CI and no p-value. Differences with zero variance: the CI is [d̄, d̄] and p = 1 when
/// d̄ = 0, else 0 (every pair moved by the same non-zero amount).
/// </remarks>
public static class PairedMeanComparison
{
    /// <param name="pairs">Number of pairs, at least 1.</param>
    /// <param name="meanA">Mean of side A over the pairs.</param>
    /// <param name="meanB">Mean of side B over the pairs.</param>
    /// <param name="differenceVariance">Sample variance (n − 1 denominator) of the differences B − A.</param>
    public static ComparisonResult Compute(long pairs, double meanA, double meanB, double differenceVariance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pairs, 1);
        var delta = meanB - meanA;
        if (pairs < 2)
        {
            return new ComparisonResult(meanA, meanB, delta, null, null, null, pairs, pairs, Paired: true, ComparisonMethods.PairedT);
        }

        var se = Math.Sqrt(Math.Max(0, differenceVariance) / pairs);
        if (se == 0)
        {
            return new ComparisonResult(
                meanA, meanB, delta, delta, delta, delta == 0 ? 1 : 0, pairs, pairs, Paired: true, ComparisonMethods.PairedT);
        }

        var df = pairs - 1;
        var half = Distributions.StudentTQuantile975(df) * se;
        var p = Distributions.StudentTTwoSided(delta / se, df);
        return new ComparisonResult(meanA, meanB, delta, delta - half, delta + half, p, pairs, pairs, Paired: true, ComparisonMethods.PairedT);
    }
}
