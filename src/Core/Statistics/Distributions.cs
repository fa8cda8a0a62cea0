namespace MultiTrust.Core.Statistics;

/// <summary>Tail probabilities and quantiles of the normal, χ², Student t and Binomial(n, ½) distributions.</summary>
public static class Distributions
{
    /// <summary>P(|Z| ≥ |z|) for a standard normal Z: erfc(|z|/√2) = Q(½, z²/2).</summary>
    public static double NormalTwoSided(double z) => Math.Min(1, IncompleteGamma.UpperRegularized(0.5, z * z / 2));

    /// <summary>P(X ≥ x) for X ~ χ² with <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    public static double ChiSquaredUpper(double x, double degreesOfFreedom) =>
        Math.Min(1, IncompleteGamma.UpperRegularized(degreesOfFreedom / 2, Math.Max(0, x) / 2));

    /// <summary>P(|T| ≥ |t|) for T ~ Student t with ν degrees of freedom: I_{ν/(ν+t²)}(ν/2, ½).</summary>
    public static double StudentTTwoSided(double t, double degreesOfFreedom) =>
        Math.Min(1, SpecialFunctions.RegularizedBeta(degreesOfFreedom / (degreesOfFreedom + (t * t)), degreesOfFreedom / 2, 0.5));

    /// <summary>The 97.5% quantile of Student t with ν degrees of freedom (the multiplier of a two-sided 95% CI).</summary>
    public static double StudentTQuantile975(double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(degreesOfFreedom, 0);
        double low = 0, high = 16;
        while (StudentTTwoSided(high, degreesOfFreedom) > 0.05)
        {
            high *= 2;
        }

        // The two-sided tail decreases in t: bisect to double precision.
        for (var i = 0; i < 200 && high - low > 1e-13 * high; i++)
        {
            var mid = (low + high) / 2;
            if (StudentTTwoSided(mid, degreesOfFreedom) > 0.05)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>
    /// The exact two-sided p-value of k successes in n trials under Binomial(n, ½): min(1, 2·P(X ≤ min(k, n − k))).
    /// </summary>
    public static double BinomialHalfTwoSided(long k, long n)
    {
        if (n == 0)
        {
            return 1;
        }

        var tail = Math.Min(k, n - k);
        var logHalfPowN = n * Math.Log(0.5);
        var sum = 0.0;
        for (var i = 0L; i <= tail; i++)
        {
            sum += Math.Exp(LogChoose(n, i) + logHalfPowN);
        }

        return Math.Min(1, 2 * sum);
    }

    private static double LogChoose(long n, long k) =>
        IncompleteGamma.LogGamma(n + 1) - IncompleteGamma.LogGamma(k + 1) - IncompleteGamma.LogGamma(n - k + 1);
}
