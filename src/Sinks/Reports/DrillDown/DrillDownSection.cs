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
        "command under each table lists every ranked response of that task and model in full. Each example's first images " +
        "are shown as thumbnails (at most 128 pixels, embedded in this page); when the page's image budget is spent, or an " +
        "image file is missing or unreadable, the cell says so instead.";

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
                [new("Rank", Numeric: true), new("Sample"), new("Image"), new("Prompt"), new("Response"), new("Verdicts")],
                [.. group.OrderBy(e => e.Rank).Select(e => (IReadOnlyList<ReportCell>)
                [
                    e.Rank.ToString(CultureInfo.InvariantCulture),
                    e.SampleId,
                    Images(e),
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

    private static ReportCell Images(WorstExample example)
    {
        if (example.Images.Count == 0)
        {
            return example.Prompt is null ? "—" : "none (text-only)";
        }

        if (example.Thumbnails.Count == 0)
        {
            return new ReportCell(example.Images.Count == 1 ? "1 image, not embedded" : $"{example.Images.Count} images, not embedded", NotScored: true);
        }

        var shown = example.Thumbnails.Where(t => t.Bytes is not null)
            .Select(t => new ReportImage(t.DataUri!, $"image {t.Number} of sample {example.SampleId}", t.Width, t.Height)).ToList();
        var notes = string.Join("; ", example.Thumbnails.Where(t => t.Note is not null)
            .Select(t => example.Images.Count == 1 ? t.Note! : $"image {t.Number}: {t.Note}"));
        return new ReportCell(notes, NotScored: shown.Count == 0, Images: shown);
    }

    private static string Cut(string? text) =>
        text is null ? "—" : text.Length > MaxTextLength ? text[..MaxTextLength] + " … (cut)" : text;
}
