using System.Text;
using MultiTrust.Sinks.Reports.Charts;
using MultiTrust.Sinks.Reports.DrillDown;

namespace MultiTrust.Sinks.Reports;

/// <summary>
/// Renders a self-contained <c>report.html</c>: inline CSS and SVG charts, no scripts, no external assets (a Content-Security-Policy
/// meta tag forbids loading any), so it opens offline. Every piece of text is HTML-encoded.
/// </summary>
internal static class HtmlReportRenderer
{
    public static string Render(ReportModel model)
    {
        var html = new StringBuilder();
        HtmlBlocks.Head(html, "MultiTrust run report — " + model.RunId);
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

        HtmlBlocks.Chart(html, ReportCharts.SubAspects(model, models));
        foreach (var modelId in models)
        {
            html.Append("<h3>Model: ").Append(E(modelId)).Append("</h3>\n");
            Table(html, ReportContent.Scores(model, modelId));
        }

        html.Append("<h2>Metrics</h2>\n<p class=\"legend\">").Append(E(ReportText.MetricsLegend))
            .Append(ReportContent.HasVariants(model) ? E(ReportText.VariantLegend) : "").Append("</p>\n");
        HtmlBlocks.Chart(html, ReportCharts.TaskMetrics(model, models));
        foreach (var modelId in models)
        {
            html.Append("<h3>Model: ").Append(E(modelId)).Append("</h3>\n");
            Table(html, ReportContent.Metrics(model, modelId));
        }

        var perturbedModels = ReportContent.PerturbationModels(model);
        if (perturbedModels.Count > 0)
        {
            html.Append("<h2>Clean vs perturbed</h2>\n<p class=\"legend\">").Append(E(ReportText.PerturbationLegend)).Append("</p>\n");
            HtmlBlocks.Chart(html, ReportCharts.PerturbationDeltas(model));
            foreach (var modelId in perturbedModels)
            {
                html.Append("<h3>Model: ").Append(E(modelId)).Append("</h3>\n");
                Table(html, ReportContent.Perturbations(model, modelId));
            }
        }

        DrillDownSection.Render(html, model);

        var agreement = ReportContent.JudgeAgreement(model);
        if (agreement.Rows.Count > 0)
        {
            html.Append("<h2>Protocol vs validated judges</h2>\n<p class=\"legend\">").Append(E(ReportText.JudgeAgreementLegend)).Append("</p>\n");
            Table(html, agreement);
        }

        html.Append("<h2>Undecided verdicts</h2>\n<p class=\"legend\">").Append(E(ReportText.AmbiguousLegend)).Append("</p>\n");
        Table(html, ReportContent.Ambiguous(model));

        html.Append("<h2>Errors by status</h2>\n");
        HtmlBlocks.Chart(html, ReportCharts.Errors(model));
        Table(html, ReportContent.Errors(model));

        html.Append("<h2>Run card</h2>\n");
        html.Append(model.RunCardJson is null
            ? "<p>No run card.</p>\n"
            : "<pre>" + E(model.RunCardJson.ReplaceLineEndings("\n").TrimEnd('\n')) + "</pre>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => HtmlBlocks.E(text);

    private static void Table(StringBuilder html, ReportTable table) => HtmlBlocks.Table(html, table);
}
