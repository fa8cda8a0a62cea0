using MultiTrust.Core.Statistics;

namespace MultiTrust.Sinks.Compare;

/// <summary>
/// Compares two independent samples (for example two runs over different samples). Delta is B − A. Stateless.
/// </summary>
/// <remarks>
/// <para>Proportions: Newcombe's hybrid score interval for the difference of independent proportions (Newcombe 1998,
/// method 10): L = δ − √((p_B − l_B)² + (u_A − p_A)²), U = δ + √((u_B − p_B)² + (p_A − l_A)²) with Wilson intervals,
/// and the pooled two-proportion z-test (p = 1 when the pooled proportion is 0 or 1).</para>
/// <para>Means: Welch's interval δ ± t(0.975, ν)·√(v_A/n_A + v_B/n_B) with Welch–Satterthwaite ν, and Welch's t-test.
/// Either side with fewer than 2 observations: no CI and no p-value. Zero standard error: CI [δ, δ], p = 1 when δ = 0,
/// else 0.</para>
/// </remarks>
public static class UnpairedComparison
{
    public static ComparisonResult Proportions(long successesA, long nA, long successesB, long nB)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nA, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(nB, 1);
        if (successesA < 0 || successesA > nA || successesB < 0 || successesB > nB)
        {
            throw new ArgumentOutOfRangeException(
                nameof(successesA), $"Successes must lie in [0, n]: A {successesA}/{nA}, B {successesB}/{nB}.");
        }

        var pA = (double)successesA / nA;
        var pB = (double)successesB / nB;
        var delta = pB - pA;
        var (lA, uA) = ConfidenceInterval.Wilson(successesA, nA);
        var (lB, uB) = ConfidenceInterval.Wilson(successesB, nB);
        var low = delta - Math.Sqrt(((pB - lB) * (pB - lB)) + ((uA - pA) * (uA - pA)));
        var high = delta + Math.Sqrt(((uB - pB) * (uB - pB)) + ((pA - lA) * (pA - lA)));

        var pooled = (double)(successesA + successesB) / (nA + nB);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / nA) + (1.0 / nB)));
        var p = se == 0 ? 1 : Distributions.NormalTwoSided(delta / se);
        return new ComparisonResult(pA, pB, delta, Math.Max(-1, low), Math.Min(1, high), p, nA, nB, Paired: false, ComparisonMethods.TwoProportion);
    }

    public static ComparisonResult Means(SampleSummary a, SampleSummary b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfLessThan(a.N, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(b.N, 1);
        var delta = b.Mean - a.Mean;
        if (a.N < 2 || b.N < 2)
        {
            return new ComparisonResult(a.Mean, b.Mean, delta, null, null, null, a.N, b.N, Paired: false, ComparisonMethods.Welch);
        }

        var va = Math.Max(0, a.Variance) / a.N;
        var vb = Math.Max(0, b.Variance) / b.N;
        var se = Math.Sqrt(va + vb);
        if (se == 0)
        {
            return new ComparisonResult(a.Mean, b.Mean, delta, delta, delta, delta == 0 ? 1 : 0, a.N, b.N, Paired: false, ComparisonMethods.Welch);
        }

        var df = (va + vb) * (va + vb) / ((va * va / (a.N - 1)) + (vb * vb / (b.N - 1)));
        var half = Distributions.StudentTQuantile975(df) * se;
        var p = Distributions.StudentTTwoSided(delta / se, df);
        return new ComparisonResult(a.Mean, b.Mean, delta, delta - half, delta + half, p, a.N, b.N, Paired: false, ComparisonMethods.Welch);
    }
}
