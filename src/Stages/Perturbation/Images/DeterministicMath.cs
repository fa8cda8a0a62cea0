namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>
/// Logarithm, exponential, sine and cosine from plain IEEE double operations (series evaluated in a fixed order), so
/// results are bit-identical on every machine; <see cref="Math"/>'s versions call the platform maths library, whose
/// last bits may differ. Accurate to a few ulps over the ranges used here, which is all the perturbations need.
/// </summary>
internal static class DeterministicMath
{
    private const double Ln2 = 0.6931471805599453;
    private const double Sqrt2 = 1.4142135623730951;
    private const double TwoPi = 6.283185307179586;

    public static double Ln(double x)
    {
        if (!(x > 0) || double.IsInfinity(x) || !double.IsNormal(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Ln needs a positive, normal, finite argument.");
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        var mantissa = BitConverter.Int64BitsToDouble((bits & 0xFFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (mantissa > Sqrt2)
        {
            mantissa /= 2;
            exponent++;
        }

        // ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.172: terms up to s^25 reach double precision.
        var s = (mantissa - 1) / (mantissa + 1);
        var s2 = s * s;
        var term = s;
        var sum = 0.0;
        for (var k = 1; k <= 25; k += 2)
        {
            sum += term / k;
            term *= s2;
        }

        return (exponent * Ln2) + (2 * sum);
    }

    public static double Exp(double x)
    {
        if (x is < -700 or > 700 || double.IsNaN(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Exp is only defined here for -700..700.");
        }

        var k = Math.Round(x / Ln2);
        var r = x - (k * Ln2);
        var term = 1.0;
        var sum = 1.0;
        for (var n = 1; n <= 20; n++)
        {
            term *= r / n;
            sum += term;
        }

        return Math.ScaleB(sum, (int)k);
    }

    public static double Sin(double x)
    {
        var r = Reduce(x);
        var r2 = r * r;
        var term = r;
        var sum = r;
        for (var n = 1; n <= 15; n++)
        {
            term *= -r2 / ((2 * n) * ((2 * n) + 1));
            sum += term;
        }

        return sum;
    }

    public static double Cos(double x)
    {
        var r = Reduce(x);
        var r2 = r * r;
        var term = 1.0;
        var sum = 1.0;
        for (var n = 1; n <= 15; n++)
        {
            term *= -r2 / (((2 * n) - 1) * (2 * n));
            sum += term;
        }

        return sum;
    }

    // Into [-pi, pi]; exact enough for the small angles (|x| < 2 pi) the perturbations use.
    private static double Reduce(double x)
    {
        if (double.IsNaN(x) || Math.Abs(x) > 1e6)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Angle out of the supported range.");
        }

        return x - (TwoPi * Math.Round(x / TwoPi));
    }
}
