namespace MultiTrust.Sinks.Reports.Charts;

/// <summary>One bar of a <see cref="BarChart"/>: a value with an optional 95% interval, in the chart's units.</summary>
/// <param name="Value">The bar's value, or null when there is none (drawn as a "no value" mark).</param>
/// <param name="Low">Lower end of the whisker, or null for no whisker.</param>
/// <param name="High">Upper end of the whisker, or null for no whisker.</param>
/// <param name="Text">The value as the report's tables show it (used in tooltips and the data table).</param>
internal sealed record ChartBar(double? Value, double? Low, double? High, string Text);
