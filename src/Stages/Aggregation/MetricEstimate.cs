namespace MultiTrust.Stages.Aggregation;

/// <summary>A metric's value, denominator and 95% interval (null when undefined).</summary>
internal readonly record struct MetricEstimate(double? Value, long N, double? CiLow, double? CiHigh)
{
    public static MetricEstimate Empty { get; } = new(null, 0, null, null);

    public static MetricEstimate Of(double? value, long n, (double Low, double High)? ci) =>
        new(value, n, ci?.Low, ci?.High);
}
