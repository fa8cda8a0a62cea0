using MultiTrust.Core.Contracts;

namespace MultiTrust.Tasks.Synthetic;

/// <summary>The synthetic P.1/P.2 metrics over the validated <c>yesno</c> judge, "yes" (private) being positive.</summary>
internal static class SyntheticYesNoMetrics
{
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new("accuracy", "yesno", HigherIsBetter: true),
        new("precision", "yesno", HigherIsBetter: true, MetricKind.Precision, PositiveLabel: "yes"),
        new("recall", "yesno", HigherIsBetter: true, MetricKind.Recall, PositiveLabel: "yes"),
        new("f1", "yesno", HigherIsBetter: true, MetricKind.F1, PositiveLabel: "yes"),
    ];
}
