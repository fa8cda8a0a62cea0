using System.Globalization;
using System.Net;
using System.Text;
using MultiTrust.Sinks.Reports.Charts;

namespace MultiTrust.Sinks.Reports;

/// <summary>
/// The building blocks the HTML pages share: the document head (inline CSS and a Content-Security-Policy that forbids
/// every script and every external load; images only as <c>data:</c> URIs), tables and charts. Every piece of text is
/// HTML-encoded.
/// </summary>
internal static class HtmlBlocks
{
    private const string Css = """
        *,*::before,*::after{box-sizing:border-box}
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24;background:#fff}
        h1{font-size:1.6rem;margin-bottom:.5rem;overflow-wrap:anywhere}h2{margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}h3{margin-top:1.4rem;overflow-wrap:anywhere}
        .table-wrap{overflow-x:auto;max-width:100%}
        table{border-collapse:collapse;margin:.5rem 0 1rem;font-variant-numeric:tabular-nums}
        th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
        th{background:#f6f8fa}td.num,th.num{text-align:right}
        .not-scored{color:#9a6700;font-style:italic;text-align:left}
        .banner{background:#fff8c5;border:1px solid #d4a72c;padding:.6rem 1rem;font-weight:600;margin:1rem 0}
        .legend{color:#57606a;max-width:60rem}
        pre{background:#f6f8fa;border:1px solid #d0d7de;padding:.8rem;overflow:auto;white-space:pre-wrap;word-break:break-all}
        pre.command{user-select:all;font-size:12px}
        figure.chart{margin:1rem 0 1.5rem;max-width:52rem}figure.chart figcaption{font-weight:600;margin-bottom:.3rem}
        .chart-svg{display:block;width:100%;height:auto}
        .chart-legend{list-style:none;padding:0;margin:.2rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}.chart-legend svg{vertical-align:-1px}
        td img{display:block;margin:.1rem 0}
        details{margin:.3rem 0}summary{cursor:pointer;color:#0550ae}
        @media print{details{display:none}figure.chart{break-inside:avoid}}
        """;

    /// <summary>Starts a document: doctype, head with CSS and CSP, and the page's first heading.</summary>
    public static void Head(StringBuilder html, string title)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n")
            .Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n");
    }

    public static string E(string text) => WebUtility.HtmlEncode(text);

    public static void Table(StringBuilder html, ReportTable table)
    {
        if (table.Rows.Count == 0)
        {
            html.Append("<p>None recorded.</p>\n");
            return;
        }

        html.Append("<div class=\"table-wrap\"><table>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append(column.Numeric ? "<th class=\"num\">" : "<th>").Append(E(column.Header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                var css = cell.NotScored ? " class=\"not-scored\"" : table.Columns[i].Numeric ? " class=\"num\"" : "";
                html.Append("<td").Append(css).Append('>');
                foreach (var image in cell.Images ?? [])
                {
                    html.Append("<img src=\"").Append(E(image.DataUri)).Append("\" alt=\"").Append(E(image.Alt))
                        .Append("\" width=\"").Append(image.Width.ToString(CultureInfo.InvariantCulture))
                        .Append("\" height=\"").Append(image.Height.ToString(CultureInfo.InvariantCulture)).Append("\">");
                }

                html.Append(E(cell.Text)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    /// <summary>A chart as a figure: caption, legend, the SVG drawing, and its numbers in a collapsible table.</summary>
    public static void Chart(StringBuilder html, BarChart? chart)
    {
        if (chart is null)
        {
            return;
        }

        html.Append("<figure class=\"chart\" id=\"").Append(chart.Id).Append("\">\n<figcaption>").Append(E(chart.Title)).Append("</figcaption>\n")
            .Append(SvgBarChartRenderer.Legend(chart))
            .Append(SvgBarChartRenderer.Render(chart))
            .Append("<details><summary>Chart data (text)</summary>\n");
        Table(html, ReportCharts.DataTable(chart));
        html.Append("</details>\n</figure>\n");
    }
}
