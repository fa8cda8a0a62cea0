namespace MultiTrust.Core.Statistics;

/// <summary>The outcome of a χ² test of independence.</summary>
/// <param name="Statistic">The χ² statistic (with Yates' continuity correction when it was applied).</param>
/// <param name="DegreesOfFreedom">(rows − 1) · (columns − 1).</param>
/// <param name="PValue">P(χ²(df) ≥ statistic).</param>
public sealed record ChiSquareResult(double Statistic, int DegreesOfFreedom, double PValue);
