using System.Text;

namespace MultiTrust.Sinks.Reports;

/// <summary>
/// Renders <c>report.md</c>. Every cell and heading text is escaped: <c>|</c>, backslash and Markdown emphasis/link/code
/// characters are backslash-escaped, <c>&lt;</c> and <c>&gt;</c> become entities (no raw HTML reaches a renderer), and
/// line breaks become <c>&lt;br&gt;</c> so a value can never break out of its table row.
/// </summary>
internal static class MarkdownReportRenderer
{
    public static string Render(ReportModel model)
    {
        var md = new StringBuilder();
        md.Append("# MultiTrust run report — ").Append(Escape(model.RunId)).Append("\n\n");
        if (model.SyntheticSuite)
        {
            md.Append("> **").Append(ReportFormat.Banner).Append("**\n\n");
        }

        md.Append("## Run\n\n");
        Table(md, ReportContent.RunFacts(model));

        var models = ReportContent.Models(model);
        md.Append("## Scores\n\n").Append(ReportText.ScoresLegend).Append("\n\n");
        if (models.Count == 0)
        {
            md.Append("No scores or metrics were recorded.\n\n");
        }

        foreach (var modelId in models)
        {
            md.Append("### Model: ").Append(Escape(modelId)).Append("\n\n");
            Table(md, ReportContent.Scores(model, modelId));
        }

        md.Append("## Metrics\n\n").Append(ReportText.MetricsLegend)
            .Append(ReportContent.HasVariants(model) ? ReportText.VariantLegend : "").Append("\n\n");
        foreach (var modelId in models)
        {
            md.Append("### Model: ").Append(Escape(modelId)).Append("\n\n");
            Table(md, ReportContent.Metrics(model, modelId));
        }

        var perturbedModels = ReportContent.PerturbationModels(model);
        if (perturbedModels.Count > 0)
        {
            md.Append("## Clean vs perturbed\n\n").Append(Escape(ReportText.PerturbationLegend)).Append("\n\n");
            foreach (var modelId in perturbedModels)
            {
                md.Append("### Model: ").Append(Escape(modelId)).Append("\n\n");
                Table(md, ReportContent.Perturbations(model, modelId));
            }
        }

        var agreement = ReportContent.JudgeAgreement(model);
        if (agreement.Rows.Count > 0)
        {
            md.Append("## Protocol vs validated judges\n\n").Append(Escape(ReportText.JudgeAgreementLegend)).Append("\n\n");
            Table(md, agreement);
        }

        md.Append("## Undecided verdicts\n\n").Append(Escape(ReportText.AmbiguousLegend)).Append("\n\n");
        Table(md, ReportContent.Ambiguous(model));

        md.Append("## Errors by status\n\n");
        Table(md, ReportContent.Errors(model));

        md.Append("## Run card\n\n");
        if (model.RunCardJson is null)
        {
            md.Append("No run card.\n");
        }
        else
        {
            var fence = new string('`', Math.Max(3, LongestBacktickRun(model.RunCardJson) + 1));
            md.Append(fence).Append("json\n").Append(model.RunCardJson.ReplaceLineEndings("\n").TrimEnd('\n'))
                .Append('\n').Append(fence).Append('\n');
        }

        return md.ToString();
    }

    /// <summary>Escapes text for a Markdown table cell or heading.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or '|' or '`' or '*' or '_' or '[' or ']' or '#':
                    sb.Append('\\').Append(c);
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    sb.Append("<br>");
                    break;
                case '\n' or '\u2028' or '\u2029' or '\u0085':
                    sb.Append("<br>");
                    break;
                default:
                    sb.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return sb.ToString();
    }

    private static void Table(StringBuilder md, ReportTable table)
    {
        if (table.Rows.Count == 0)
        {
            md.Append("None recorded.\n\n");
            return;
        }

        md.Append('|');
        foreach (var column in table.Columns)
        {
            md.Append(' ').Append(Escape(column.Header)).Append(" |");
        }

        md.Append("\n|");
        foreach (var column in table.Columns)
        {
            md.Append(column.Numeric ? "---:|" : "---|");
        }

        md.Append('\n');
        foreach (var row in table.Rows)
        {
            md.Append('|');
            foreach (var cell in row)
            {
                var text = Escape(cell.Text);
                md.Append(' ').Append(cell.NotScored ? "*" + text + "*" : text).Append(" |");
            }

            md.Append('\n');
        }

        md.Append('\n');
    }

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, current = 0;
        foreach (var c in text)
        {
            current = c == '`' ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
