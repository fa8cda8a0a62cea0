using System.Globalization;
using System.Text;

namespace MultiTrust.Sinks.Reports.DrillDown;

/// <summary>The report's "Worst examples" section: per task and model, the worst-judged responses and the command listing all.</summary>
internal static class DrillDownSection
{
    /// <summary>Prompts and responses longer than this are cut (the query shows them whole).</summary>
    private const int MaxTextLength = 800;

    private const string Legend =
        "Per task and model, the clean responses the task's first metric's judge scored worst (lowest score when higher " +
        "is better, highest otherwise), with every judge step's verdict. Texts longer than 800 characters are cut; the " +
        "command under each table lists every ranked response of that task and model in full. Images are not shown.";

    public static void Render(StringBuilder html, ReportModel model)
    {
        if (model.WorstExamples.Count == 0)
        {
            return;
        }

        html.Append("<h2>Worst examples</h2>\n<p class=\"legend\">").Append(HtmlBlocks.E(Legend)).Append("</p>\n");
        foreach (var group in model.WorstExamples.GroupBy(e => (e.TaskId, e.ModelId)).OrderBy(g => g.Key.TaskId, StringComparer.Ordinal)
                     .ThenBy(g => g.Key.ModelId, StringComparer.Ordinal))
        {
            html.Append("<h3>").Append(HtmlBlocks.E($"{group.Key.TaskId} — {group.Key.ModelId}")).Append("</h3>\n");
            HtmlBlocks.Table(html, new ReportTable(
                [new("Rank", Numeric: true), new("Sample"), new("Prompt"), new("Response"), new("Verdicts")],
                [.. group.OrderBy(e => e.Rank).Select(e => (IReadOnlyList<ReportCell>)
                [
                    e.Rank.ToString(CultureInfo.InvariantCulture),
                    e.SampleId,
                    Cut(e.Prompt),
                    e.Response is null ? new ReportCell($"no text ({e.ResponseStatus ?? "missing"})", NotScored: true) : Cut(e.Response),
                    ReportFormat.Text(e.Verdicts),
                ])]));
            if (model.DrillDownCommands.FirstOrDefault(c => c.TaskId == group.Key.TaskId && c.ModelId == group.Key.ModelId) is { } command)
            {
                html.Append("<details><summary>List them all</summary><pre class=\"command\">").Append(HtmlBlocks.E(command.Command))
                    .Append("</pre></details>\n");
            }
        }
    }

    private static string Cut(string? text) =>
        text is null ? "—" : text.Length > MaxTextLength ? text[..MaxTextLength] + " … (cut)" : text;
}
