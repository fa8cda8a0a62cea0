using System.Net;
using System.Text;

namespace MultiTrust.Sinks.Reports;

/// <summary>
/// Renders a self-contained <c>report.html</c>: inline CSS, no scripts, no external assets (a Content-Security-Policy
/// meta tag forbids loading any), so it opens offline. Every piece of text is HTML-encoded.
/// </summary>
internal static class HtmlReportRenderer
{
    private const string Css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24;background:#fff}
        h1{font-size:1.6rem;margin-bottom:.5rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}h3{margin-top:1.4rem}
        table{border-collapse:collapse;margin:.5rem 0 1rem;font-variant-numeric:tabular-nums}
        th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left;vertical-align:top}
        th{background:#f6f8fa}td.num,th.num{text-align:right}
        .not-scored{color:#9a6700;font-style:italic;text-align:left}
        .banner{background:#fff8c5;border:1px solid #d4a72c;padding:.6rem 1rem;font-weight:600;margin:1rem 0}
        .legend{color:#57606a;max-width:60rem}
        pre{background:#f6f8fa;border:1px solid #d0d7de;padding:.8rem;overflow:auto;white-space:pre-wrap;word-break:break-all}
        """;

    public static string Render(ReportModel model)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>MultiTrust run report — ").Append(E(model.RunId)).Append("</title>\n")
            .Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n")
            .Append("<h1>MultiTrust run report — ").Append(E(model.RunId)).Append("</h1>\n");
        if (model.SyntheticSuite)
        {
            html.Append("<div class=\"banner\" role=\"note\">").Append(E(ReportFormat.Banner)).Append("</div>\n");
        }

        html.Append("<h2>Run</h2>\n");
        Table(html, ReportContent.RunFacts(model));

        var models = ReportContent.Models(model);
        html.Append("<h2>Scores</h2>\n<p class=\"legend\">").Append(E(ReportText.ScoresLegend)).Append("</p>\n");
        if (models.Count == 0)
        {
            html.Append("<p>No scores or metrics were recorded.</p>\n");
        }

        foreach (var modelId in models)
        {
            html.Append("<h3>Model: ").Append(E(modelId)).Append("</h3>\n");
            Table(html, ReportContent.Scores(model, modelId));
        }

        html.Append("<h2>Metrics</h2>\n<p class=\"legend\">").Append(E(ReportText.MetricsLegend))
            .Append(ReportContent.HasVariants(model) ? E(ReportText.VariantLegend) : "").Append("</p>\n");
        foreach (var modelId in models)
        {
            html.Append("<h3>Model: ").Append(E(modelId)).Append("</h3>\n");
            Table(html, ReportContent.Metrics(model, modelId));
        }

        var perturbedModels = ReportContent.PerturbationModels(model);
        if (perturbedModels.Count > 0)
        {
            html.Append("<h2>Clean vs perturbed</h2>\n<p class=\"legend\">").Append(E(ReportText.PerturbationLegend)).Append("</p>\n");
            foreach (var modelId in perturbedModels)
            {
                html.Append("<h3>Model: ").Append(E(modelId)).Append("</h3>\n");
                Table(html, ReportContent.Perturbations(model, modelId));
            }
        }

        var agreement = ReportContent.JudgeAgreement(model);
        if (agreement.Rows.Count > 0)
        {
            html.Append("<h2>Protocol vs validated judges</h2>\n<p class=\"legend\">").Append(E(ReportText.JudgeAgreementLegend)).Append("</p>\n");
            Table(html, agreement);
        }

        html.Append("<h2>Undecided verdicts</h2>\n<p class=\"legend\">").Append(E(ReportText.AmbiguousLegend)).Append("</p>\n");
        Table(html, ReportContent.Ambiguous(model));

        html.Append("<h2>Errors by status</h2>\n");
        Table(html, ReportContent.Errors(model));

        html.Append("<h2>Run card</h2>\n");
        html.Append(model.RunCardJson is null
            ? "<p>No run card.</p>\n"
            : "<pre>" + E(model.RunCardJson.ReplaceLineEndings("\n").TrimEnd('\n')) + "</pre>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static void Table(StringBuilder html, ReportTable table)
    {
        if (table.Rows.Count == 0)
        {
            html.Append("<p>None recorded.</p>\n");
            return;
        }

        html.Append("<table>\n<thead><tr>");
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
                html.Append("<td").Append(css).Append('>').Append(E(cell.Text)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}
