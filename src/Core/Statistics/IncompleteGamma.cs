namespace MultiTrust.Core.Statistics;

/// <summary>
/// The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x), and ln Γ. P is summed as a power series
/// for x &lt; a + 1 and Q evaluated as a continued fraction (modified Lentz) otherwise, both to about 1e-15 relative
/// accuracy. Stateless and thread-safe.
/// </summary>
public static class IncompleteGamma
{
    private const int MaxIterations = 10_000;
    private const double Epsilon = 1e-16;
    private const double Tiny = 1e-300;

    // Lanczos approximation, g = 7, n = 9.
    private static readonly double[] s_lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "ln Γ(x) is computed for x > 0 only.");
        }

        if (x < 0.5)
        {
            // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = s_lanczos[0];
        for (var i = 1; i < s_lanczos.Length; i++)
        {
            sum += s_lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), for a &gt; 0 and x ≥ 0.</summary>
    public static double UpperRegularized(double a, double x)
    {
        Validate(a, x);
        if (x == 0)
        {
            return 1;
        }

        return x < a + 1 ? 1 - LowerSeries(a, x) : UpperContinuedFraction(a, x);
    }

    /// <summary>The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), for a &gt; 0 and x ≥ 0.</summary>
    public static double LowerRegularized(double a, double x)
    {
        Validate(a, x);
        if (x == 0)
        {
            return 0;
        }

        return x < a + 1 ? LowerSeries(a, x) : 1 - UpperContinuedFraction(a, x);
    }

    private static void Validate(double a, double x)
    {
        if (!(a > 0) || !double.IsFinite(a))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "The shape a must be finite and > 0.");
        }

        if (!(x >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "x must be >= 0.");
        }
    }

    private static double Prefactor(double a, double x) => Math.Exp((a * Math.Log(x)) - x - LogGamma(a));

    // P(a, x) = e^-x x^a / Γ(a) · Σ_n x^n / (a (a+1) … (a+n)).
    private static double LowerSeries(double a, double x)
    {
        var term = 1 / a;
        var sum = term;
        for (var n = 1; n < MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
            {
                break;
            }
        }

        return Math.Min(1, sum * Prefactor(a, x));
    }

    // Q(a, x) = e^-x x^a / Γ(a) · 1 / (x + 1 − a − 1·(1−a) / (x + 3 − a − 2·(2−a) / (x + 5 − a − …))).
    private static double UpperContinuedFraction(double a, double x)
    {
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return Math.Min(1, h * Prefactor(a, x));
    }
}
