namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>
/// The standard normal distribution as 65,536 equiprobable quantiles, Φ⁻¹((k + ½) / 65536) by Acklam's rational
/// approximation (relative error below 1.2e-9) with <see cref="DeterministicMath.Ln"/>: a Gaussian sample is one table
/// lookup with 16 random bits. Tails are cut at ±4.3σ, which 8-bit output cannot resolve anyway. Read-only after
/// construction.
/// </summary>
internal static class NormalQuantiles
{
    public const int Count = 1 << 16;

    private static readonly double[] s_a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] s_b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] s_c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] s_d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
    private static readonly double[] s_table = Build();

    /// <summary>Round(sigma × quantile) for every entry: the integer noise for one call.</summary>
    public static int[] Scaled(double sigma)
    {
        var scaled = new int[Count];
        for (var k = 0; k < Count; k++)
        {
            scaled[k] = (int)Math.Round(sigma * s_table[k]);
        }

        return scaled;
    }

    private static double[] Build()
    {
        var table = new double[Count];
        for (var k = 0; k < Count; k++)
        {
            table[k] = Quantile((k + 0.5) / Count);
        }

        return table;
    }

    private static double Quantile(double p)
    {
        const double low = 0.02425;
        if (p < low)
        {
            return Tail(Math.Sqrt(-2 * DeterministicMath.Ln(p)));
        }

        if (p > 1 - low)
        {
            return -Tail(Math.Sqrt(-2 * DeterministicMath.Ln(1 - p)));
        }

        var q = p - 0.5;
        var r = q * q;
        var numerator = (((((((((s_a[0] * r) + s_a[1]) * r) + s_a[2]) * r) + s_a[3]) * r) + s_a[4]) * r) + s_a[5];
        var denominator = (((((((((s_b[0] * r) + s_b[1]) * r) + s_b[2]) * r) + s_b[3]) * r) + s_b[4]) * r) + 1;
        return numerator * q / denominator;
    }

    private static double Tail(double q)
    {
        var numerator = (((((((((s_c[0] * q) + s_c[1]) * q) + s_c[2]) * q) + s_c[3]) * q) + s_c[4]) * q) + s_c[5];
        var denominator = (((((((s_d[0] * q) + s_d[1]) * q) + s_d[2]) * q) + s_d[3]) * q) + 1;
        return numerator / denominator;
    }
}
