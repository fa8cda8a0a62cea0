using System.Net;
using System.Text.RegularExpressions;
using MultiTrust.Sinks.Reports.Charts;

namespace MultiTrust.Sinks.Tests.Reports.Charts;

public sealed class SvgBarChartRendererTests
{
    private static BarChart Chart(IReadOnlyList<ChartGroup> groups, IReadOnlyList<string>? series = null, bool stacked = false, bool symmetric = false) =>
        new("chart-x", "A title", "A description", "Axis (%)", series ?? ["model-a", "model-b"], groups, stacked, AxisMax: symmetric ? 0 : 100, Symmetric: symmetric);

    [Fact]
    public void Render_TwoSeriesOneMissing_OneRectPerValueAndNoValueMark()
    {
        var chart = Chart(
        [
            new ChartGroup("T.I", [new ChartBar(40, null, null, "40.00"), new ChartBar(null, null, null, "not scored")]),
            new ChartGroup("S.I", [new ChartBar(90, null, null, "90.00"), new ChartBar(10, null, null, "10.00")]),
        ]);

        var svg = SvgBarChartRenderer.Render(chart);

        Assert.Equal(3, Regex.Matches(svg, "<rect class=\"bar\"").Count);
        Assert.Single(Regex.Matches(svg, "class=\"no-value\""));
        Assert.Contains("<title id=\"chart-x-title\">A title</title>", svg);
        Assert.Contains("<desc id=\"chart-x-desc\">A description</desc>", svg);
        Assert.Contains("role=\"img\" aria-labelledby=\"chart-x-title chart-x-desc\"", svg);
        Assert.Contains(WebUtility.HtmlEncode("model-a — S.I: 90.00"), svg);
    }

    [Fact]
    public void Render_BarWithInterval_DrawsWhiskerAcrossTheInterval()
    {
        var chart = Chart([new ChartGroup("t1 · accuracy", [new ChartBar(50, 40, 60, "50%"), new ChartBar(70, null, null, "70%")])]);

        var svg = SvgBarChartRenderer.Render(chart);

        // Axis 0–100 over x 210–700: 40 → 406, 60 → 504.
        var whisker = Assert.Single(Regex.Matches(svg, "<path class=\"whisker\" d=\"M([0-9.]+) [0-9.]+H([0-9.]+)"));
        Assert.Equal("406", whisker.Groups[1].Value);
        Assert.Equal("504", whisker.Groups[2].Value);
    }

    [Fact]
    public void Render_NegativeDeltaOnSymmetricAxis_BarEndsAtZeroLine()
    {
        var chart = Chart([new ChartGroup("noise@3", [new ChartBar(-20, -30, -10, "-20.00 pp")])], ["m"], symmetric: true);

        var svg = SvgBarChartRenderer.Render(chart);

        // Symmetric axis -40..40 (step 10 or 20): zero sits mid-plot at x 455; the bar spans from x(-20) to zero.
        Assert.Contains("<line class=\"zero\" x1=\"455\"", svg);
        var rect = Regex.Match(svg, "<rect class=\"bar\" x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"");
        Assert.Equal(455, double.Parse(rect.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            + double.Parse(rect.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 1);
        Assert.Contains(">-20<", svg);
        Assert.Contains(">20<", svg);
    }

    [Fact]
    public void Render_Stacked_OneRectPerNonZeroStatusInOneRow()
    {
        var chart = Chart(
            [new ChartGroup("model-a", [new ChartBar(3, null, null, "3"), null, new ChartBar(5, null, null, "5")])],
            ["error", "timeout", "judge_error"],
            stacked: true);

        var svg = SvgBarChartRenderer.Render(chart);

        var ys = Regex.Matches(svg, "<rect class=\"bar\" x=\"[0-9.]+\" y=\"([0-9.]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, ys.Count);
        Assert.Single(ys.Distinct());
        Assert.Contains("fill=\"" + ChartPalette.Colour(2) + "\"", svg);
    }

    [Fact]
    public void Render_HostileLabelAndSeries_Encoded()
    {
        const string Hostile = "<script>alert(1)</script>";
        var chart = Chart([new ChartGroup(Hostile, [new ChartBar(1, null, null, Hostile)])], [Hostile]);

        var svg = SvgBarChartRenderer.Render(chart) + SvgBarChartRenderer.Legend(chart);

        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", svg);
    }

    [Fact]
    public void Render_SameChart_SameBytes()
    {
        var chart = Chart([new ChartGroup("a", [new ChartBar(33.333, 20.1, 45.7, "33%"), new ChartBar(66.6, null, null, "67%")])]);

        Assert.Equal(SvgBarChartRenderer.Render(chart), SvgBarChartRenderer.Render(chart));
    }
}
