using MultiTrust.Stages.Aggregation;

namespace MultiTrust.Sinks.Compare;

/// <summary>The values of <see cref="ComparisonRow.Level"/>.</summary>
public static class ComparisonLevels
{
    public const string Metric = "metric";
    public const string Task = MultiTrustScoring.TaskLevel;
    public const string SubAspect = MultiTrustScoring.SubAspectLevel;
    public const string Overall = MultiTrustScoring.OverallLevel;

    internal static int Order(string level) => level switch
    {
        Metric => 0,
        Task => 1,
        SubAspect => 2,
        _ => 3,
    };
}
