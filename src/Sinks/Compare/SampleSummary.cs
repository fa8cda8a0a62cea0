namespace MultiTrust.Sinks.Compare;

/// <summary>One independent sample summarised: size, mean and sample variance (n − 1 denominator).</summary>
public sealed record SampleSummary(long N, double Mean, double Variance);
