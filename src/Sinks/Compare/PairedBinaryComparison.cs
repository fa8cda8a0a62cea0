using MultiTrust.Core.Statistics;

namespace MultiTrust.Sinks.Compare;

/// <summary>
/// Compares two proportions measured on the same samples (paired 0/1 outcomes, for example a model's accuracy on the
/// clean and the perturbed image of each sample, or two runs on the same samples). Stateless.
/// </summary>
/// <remarks>
/// <para>Values: p_A = (a + b)/n, p_B = (a + c)/n, delta = p_B − p_A = (c − b)/n.</para>
/// <para>95% CI of the delta: Newcombe's hybrid score interval for paired proportions (Newcombe 1998, method 10, no
/// continuity correction). With Wilson intervals (l_A, u_A), (l_B, u_B) of the two marginal proportions and the phi
/// correlation φ = (ad − bc)/√((a+b)(c+d)(a+c)(b+d)) (0 when a margin is empty):
/// L = δ − √((p_B − l_B)² − 2φ(p_B − l_B)(u_A − p_A) + (u_A − p_A)²),
/// U = δ + √((u_B − p_B)² − 2φ(u_B − p_B)(p_A − l_A) + (p_A − l_A)²). The interval stays in [−1, 1] and behaves at
/// 0 and 1, where the Wald interval collapses.</para>
/// <para>p-value: McNemar's test on the discordant pairs. When b + c &lt; 25 the exact (binomial) test,
/// min(1, 2·P(X ≤ min(b, c))) for X ~ Binomial(b + c, ½); otherwise the χ² statistic with continuity correction
/// max(0, |b − c| − 1)²/(b + c) on 1 degree of freedom (the max keeps b = c at p = 1). b + c = 0 gives p = 1.</para>
/// </remarks>
public static class PairedBinaryComparison
{
    /// <summary>Discordant pairs below this count use the exact test.</summary>
    public const long ExactBelow = 25;

    /// <exception cref="ArgumentOutOfRangeException">A count is negative or there are no pairs.</exception>
    public static ComparisonResult Compute(PairedCounts counts)
    {
        var (a, b, c, d) = (counts.BothOne, counts.OnlyA, counts.OnlyB, counts.BothZero);
        if (a < 0 || b < 0 || c < 0 || d < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(counts), counts, "Paired counts must not be negative.");
        }

        var n = counts.Pairs;
        if (n == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(counts), counts, "A paired comparison needs at least one pair.");
        }

        var pA = (double)(a + b) / n;
        var pB = (double)(a + c) / n;
        var delta = (double)(c - b) / n;
        var (lA, uA) = ConfidenceInterval.Wilson(a + b, n);
        var (lB, uB) = ConfidenceInterval.Wilson(a + c, n);
        var phi = Phi(a, b, c, d);
        var low = delta - Math.Sqrt(Math.Max(0, Square(pB - lB) - (2 * phi * (pB - lB) * (uA - pA)) + Square(uA - pA)));
        var high = delta + Math.Sqrt(Math.Max(0, Square(uB - pB) - (2 * phi * (uB - pB) * (pA - lA)) + Square(pA - lA)));

        var exact = b + c < ExactBelow;
        return new ComparisonResult(
            pA, pB, delta, Math.Max(-1, low), Math.Min(1, high), McNemar(b, c), n, n, Paired: true,
            exact ? ComparisonMethods.McNemarExact : ComparisonMethods.McNemarChiSquared, b, c);
    }

    /// <summary>McNemar's two-sided p-value for b and c discordant pairs (exact below 25, else χ² with correction).</summary>
    public static double McNemar(long b, long c)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        var discordant = b + c;
        if (discordant == 0)
        {
            return 1;
        }

        if (discordant < ExactBelow)
        {
            return Distributions.BinomialHalfTwoSided(b, discordant);
        }

        var corrected = Math.Max(0, Math.Abs(b - c) - 1.0);
        return Distributions.ChiSquaredUpper(corrected * corrected / discordant, 1);
    }

    private static double Phi(long a, long b, long c, long d)
    {
        var product = (double)(a + b) * (c + d) * (a + c) * (b + d);
        return product == 0 ? 0 : (((double)a * d) - ((double)b * c)) / Math.Sqrt(product);
    }

    private static double Square(double x) => x * x;
}
