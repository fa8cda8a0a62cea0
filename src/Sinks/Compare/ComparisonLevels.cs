using MultiTrust.Core.Records;

namespace MultiTrust.Sinks.Compare;

/// <summary>The values of <see cref="ComparisonRow.Level"/>.</summary>
public static class ComparisonLevels
{
    public const string Metric = "metric";
    public const string Task = ScoreRow.TaskLevel;
    public const string SubAspect = ScoreRow.SubAspectLevel;
    public const string Overall = ScoreRow.OverallLevel;

    internal static int Order(string level) => level switch
    {
        Metric => 0,
        Task => 1,
        SubAspect => 2,
        _ => 3,
    };
}
