using MultiTrust.Core.Records;
using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Compare;

/// <summary>Unpaired comparison of two metric rows from their value, n and CI (see <see cref="RunComparer"/>).</summary>
internal static class MetricRowComparison
{
    private const double Tolerance = 1e-9;
    private const double Z95 = 1.959963984540054;

    /// <summary>Null when a side has no value or no observations.</summary>
    public static ComparisonResult? Compare(MetricRow a, MetricRow b)
    {
        if (a.Value is not { } va || b.Value is not { } vb || a.N < 1 || b.N < 1)
        {
            return null;
        }

        if (Successes(a) is { } ka && Successes(b) is { } kb)
        {
            return UnpairedComparison.Proportions(ka, a.N, kb, b.N);
        }

        if (a.N < 2 || b.N < 2)
        {
            return UnpairedComparison.Means(new SampleSummary(a.N, va, 0), new SampleSummary(b.N, vb, 0));
        }

        return Variance(a) is { } varA && Variance(b) is { } varB
            ? UnpairedComparison.Means(new SampleSummary(a.N, va, varA), new SampleSummary(b.N, vb, varB))
            : null;
    }

    /// <summary>round(value·n) when the row is a proportion: value·n is whole and the CI is its Wilson interval.</summary>
    private static long? Successes(MetricRow row)
    {
        var k = Math.Round(row.Value!.Value * row.N);
        if (Math.Abs(k - (row.Value.Value * row.N)) > 1e-6 * row.N || k < 0 || k > row.N || row.CiLow is null || row.CiHigh is null)
        {
            return null;
        }

        var (low, high) = ProportionInterval.Wilson((long)k, row.N);
        return Math.Abs(low - row.CiLow.Value) < Tolerance && Math.Abs(high - row.CiHigh.Value) < Tolerance ? (long)k : null;
    }

    /// <summary>s² recovered from the normal CI mean ± z·s/√n (the wider half when clipped); null without a CI.</summary>
    private static double? Variance(MetricRow row)
    {
        if (row.CiLow is not { } low || row.CiHigh is not { } high)
        {
            return null;
        }

        var half = Math.Max(row.Value!.Value - low, high - row.Value.Value);
        return row.N * Math.Pow(half / Z95, 2);
    }
}
