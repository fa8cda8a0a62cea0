namespace MultiTrust.Sinks.Reports.Charts;

/// <summary>One category of a <see cref="BarChart"/> (a sub-aspect, a task metric, a model): one bar per series.</summary>
/// <param name="Label">The category's label.</param>
/// <param name="Bars">One entry per series of the chart, in series order; null where a series has no bar here.</param>
internal sealed record ChartGroup(string Label, IReadOnlyList<ChartBar?> Bars);
