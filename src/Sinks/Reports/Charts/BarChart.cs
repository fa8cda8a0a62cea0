namespace MultiTrust.Sinks.Reports.Charts;

/// <summary>
/// A horizontal bar chart: categories down the side, one bar per series in each (or one stacked bar), optional 95%
/// whiskers. Horizontal bars keep long task and variant labels readable and fit a phone's width.
/// </summary>
/// <param name="Id">A document-unique id (letters, digits, '-') used for the accessible title and description.</param>
/// <param name="Title">The chart's title.</param>
/// <param name="Description">Its text alternative: what is drawn and how to read it.</param>
/// <param name="AxisLabel">What the value axis measures, with its unit.</param>
/// <param name="Series">Series names (models, statuses), coloured by <see cref="ChartPalette"/>.</param>
/// <param name="Groups">The categories, top to bottom.</param>
/// <param name="Stacked">True to stack the series of a group into one bar (counts); false for side-by-side bars.</param>
/// <param name="AxisMin">The axis covers at least down to this value (data below it extends the axis).</param>
/// <param name="AxisMax">The axis covers at least up to this value (data above it extends the axis).</param>
/// <param name="Symmetric">True to centre the axis on zero (deltas).</param>
internal sealed record BarChart(
    string Id,
    string Title,
    string Description,
    string AxisLabel,
    IReadOnlyList<string> Series,
    IReadOnlyList<ChartGroup> Groups,
    bool Stacked = false,
    double AxisMin = 0,
    double AxisMax = 0,
    bool Symmetric = false)
{
    /// <summary>True when at least one bar has a value, so the chart draws something.</summary>
    public bool HasValues => Groups.Any(g => g.Bars.Any(b => b?.Value is not null));
}
