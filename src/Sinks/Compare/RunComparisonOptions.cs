namespace MultiTrust.Sinks.Compare;

/// <summary>Options of <see cref="RunComparer"/>, validated at construction.</summary>
public sealed record RunComparisonOptions
{
    /// <summary>Significance level of every test; a row regressed when p &lt; alpha in the worse direction. Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>The model of run A to compare; null to pick it (see <see cref="RunComparer"/>).</summary>
    public string? ModelA { get; init; }

    /// <summary>The model of run B to compare; null to pick it.</summary>
    public string? ModelB { get; init; }

    /// <summary>
    /// A metric is compared paired when the matched (sample, variant, judge) pairs reach this fraction of the larger
    /// of the two metric rows' n. Default 0.9.
    /// </summary>
    public double MinPairedFraction { get; init; } = 0.9;
}
