using System.Globalization;
using System.Net;
using System.Text;

namespace MultiTrust.Sinks.Reports.Charts;

/// <summary>
/// Draws a <see cref="BarChart"/> as inline SVG: no script, no external font or image, so it works under the report's
/// Content-Security-Policy and offline. The SVG scales to its container (viewBox), carries an accessible
/// <c>&lt;title&gt;</c>/<c>&lt;desc&gt;</c>, and every bar has a tooltip with its value. Output is a pure function of the
/// chart (invariant number formatting).
/// </summary>
internal static class SvgBarChartRenderer
{
    private const double Width = 720;
    private const double PlotLeft = 210;
    private const double PlotRight = 700;
    private const double Top = 10;
    private const double BarHeight = 12;
    private const double BarGap = 2;
    private const double StackedHeight = 16;
    private const double GroupGap = 10;
    private const double AxisHeight = 38;
    private const int MaxLabelLength = 34;
    private const string Ink = "#1b1f24";

    public static string Render(BarChart chart)
    {
        var axis = ChartAxis.For(chart);
        var groupHeight = chart.Stacked
            ? StackedHeight
            : (chart.Series.Count * BarHeight) + (Math.Max(0, chart.Series.Count - 1) * BarGap);
        var plotBottom = Top + (chart.Groups.Count * (groupHeight + GroupGap));
        var height = plotBottom + AxisHeight;
        double X(double v) => PlotLeft + ((v - axis.Min) / (axis.Max - axis.Min) * (PlotRight - PlotLeft));

        var svg = new StringBuilder();
        svg.Append("<svg class=\"chart-svg\" viewBox=\"0 0 ").Append(N(Width)).Append(' ').Append(N(height))
            .Append("\" role=\"img\" aria-labelledby=\"").Append(chart.Id).Append("-title ").Append(chart.Id).Append("-desc\" font-size=\"11\">\n")
            .Append("<title id=\"").Append(chart.Id).Append("-title\">").Append(E(chart.Title)).Append("</title>\n")
            .Append("<desc id=\"").Append(chart.Id).Append("-desc\">").Append(E(chart.Description)).Append("</desc>\n");

        foreach (var tick in axis.Ticks())
        {
            var x = N(X(tick));
            svg.Append("<line class=\"grid\" x1=\"").Append(x).Append("\" x2=\"").Append(x).Append("\" y1=\"").Append(N(Top - 4))
                .Append("\" y2=\"").Append(N(plotBottom)).Append("\" stroke=\"#d0d7de\" stroke-width=\"1\"/>")
                .Append("<text x=\"").Append(x).Append("\" y=\"").Append(N(plotBottom + 14)).Append("\" text-anchor=\"middle\" fill=\"")
                .Append(Ink).Append("\">").Append(N(tick)).Append("</text>\n");
        }

        svg.Append("<text x=\"").Append(N((PlotLeft + PlotRight) / 2)).Append("\" y=\"").Append(N(plotBottom + 31))
            .Append("\" text-anchor=\"middle\" fill=\"").Append(Ink).Append("\">").Append(E(chart.AxisLabel)).Append("</text>\n");

        var y = Top;
        foreach (var group in chart.Groups)
        {
            Label(svg, group.Label, y + (groupHeight / 2));
            if (chart.Stacked)
            {
                Stack(svg, chart, group, y, X);
            }
            else
            {
                for (var s = 0; s < chart.Series.Count; s++)
                {
                    var bar = s < group.Bars.Count ? group.Bars[s] : null;
                    if (bar is not null)
                    {
                        Bar(svg, chart.Series[s], group.Label, bar, s, y + (s * (BarHeight + BarGap)), X);
                    }
                }
            }

            y += groupHeight + GroupGap;
        }

        var zero = N(X(0));
        svg.Append("<line class=\"zero\" x1=\"").Append(zero).Append("\" x2=\"").Append(zero).Append("\" y1=\"").Append(N(Top - 4))
            .Append("\" y2=\"").Append(N(plotBottom)).Append("\" stroke=\"").Append(Ink).Append("\" stroke-width=\"1\"/>\n</svg>\n");
        return svg.ToString();
    }

    /// <summary>The legend as small inline SVG swatches (printed even when a browser drops background colours).</summary>
    public static string Legend(BarChart chart)
    {
        var html = new StringBuilder("<ul class=\"chart-legend\">");
        for (var s = 0; s < chart.Series.Count; s++)
        {
            html.Append("<li><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"")
                .Append(ChartPalette.Colour(s)).Append("\" stroke=\"").Append(Ink).Append("\" stroke-width=\"1\"/></svg> ")
                .Append(E(chart.Series[s])).Append("</li>");
        }

        return html.Append("</ul>\n").ToString();
    }

    private static void Label(StringBuilder svg, string label, double centreY)
    {
        // Long labels keep their start and their end (the metric or variant that tells rows apart); the full one is the tooltip.
        var shown = label.Length > MaxLabelLength ? label[..12] + "…" + label[^(MaxLabelLength - 13)..] : label;
        svg.Append("<text class=\"label\" x=\"").Append(N(PlotLeft - 8)).Append("\" y=\"").Append(N(centreY + 4))
            .Append("\" text-anchor=\"end\" fill=\"").Append(Ink).Append("\"><title>").Append(E(label)).Append("</title>")
            .Append(E(shown)).Append("</text>\n");
    }

    private static void Bar(StringBuilder svg, string series, string group, ChartBar bar, int index, double y, Func<double, double> x)
    {
        var tooltip = E($"{series} — {group}: {bar.Text}");
        if (bar.Value is not { } value || !double.IsFinite(value))
        {
            svg.Append("<text class=\"no-value\" x=\"").Append(N(x(0) + 4)).Append("\" y=\"").Append(N(y + BarHeight - 2))
                .Append("\" fill=\"#57606a\" font-style=\"italic\"><title>").Append(tooltip).Append("</title>no value (")
                .Append(E(series)).Append(")</text>\n");
            return;
        }

        Rect(svg, x(Math.Min(0, value)), x(Math.Max(0, value)), y, BarHeight, ChartPalette.Colour(index), tooltip);
        if (bar.Low is { } low && bar.High is { } high && double.IsFinite(low) && double.IsFinite(high))
        {
            var cy = N(y + (BarHeight / 2));
            string x1 = N(x(low)), x2 = N(x(high)), capTop = N(y + 1), capBottom = N(y + BarHeight - 1);
            svg.Append("<path class=\"whisker\" d=\"M").Append(x1).Append(' ').Append(cy).Append('H').Append(x2)
                .Append("M").Append(x1).Append(' ').Append(capTop).Append('V').Append(capBottom)
                .Append("M").Append(x2).Append(' ').Append(capTop).Append('V').Append(capBottom)
                .Append("\" stroke=\"").Append(Ink).Append("\" stroke-width=\"1.3\" fill=\"none\"><title>").Append(tooltip)
                .Append("</title></path>\n");
        }
    }

    private static void Stack(StringBuilder svg, BarChart chart, ChartGroup group, double y, Func<double, double> x)
    {
        double start = 0;
        for (var s = 0; s < chart.Series.Count && s < group.Bars.Count; s++)
        {
            if (group.Bars[s] is not { Value: { } value } bar || value <= 0)
            {
                continue;
            }

            Rect(svg, x(start), x(start + value), y, StackedHeight, ChartPalette.Colour(s), E($"{chart.Series[s]} — {group.Label}: {bar.Text}"));
            start += value;
        }
    }

    private static void Rect(StringBuilder svg, double x1, double x2, double y, double height, string colour, string tooltip) =>
        svg.Append("<rect class=\"bar\" x=\"").Append(N(x1)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(Math.Max(0.5, x2 - x1)))
            .Append("\" height=\"").Append(N(height)).Append("\" fill=\"").Append(colour).Append("\" stroke=\"").Append(Ink)
            .Append("\" stroke-width=\"0.5\"><title>").Append(tooltip).Append("</title></rect>\n");

    private static string N(double v)
    {
        var text = Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
