using System.Globalization;
using System.Text;
using MultiTrust.Sinks.Compare;
using MultiTrust.Sinks.Reports.Charts;

namespace MultiTrust.Sinks.Reports.Leaderboard;

/// <summary>Renders a <see cref="RunLeaderboard"/> as one self-contained HTML page (same CSS, CSP and charts as the run report).</summary>
internal static class LeaderboardHtmlRenderer
{
    private const string Legend =
        "Each column is one model of one run; the first column is the baseline. Δ vs first = this column minus the first, " +
        "in points for scores (0–100) and percentage points for metrics, with the p-value of multitrust compare (paired on " +
        "the same samples when both runs judged them, otherwise unpaired; * marks p < alpha) and its verdict " +
        "(regressed / improved in the metric's better direction). Scores of tasks with several metrics, sub-aspects and " +
        "overall have no test (delta only).";

    public static string Render(RunLeaderboard board)
    {
        var html = new StringBuilder();
        HtmlBlocks.Head(html, "MultiTrust leaderboard — " + string.Join(" vs ", board.Entries.Select(e => e.Label)));
        html.Append("<p class=\"legend\">").Append(HtmlBlocks.E(Legend)).Append("</p>\n");

        html.Append("<h2>Entries</h2>\n");
        HtmlBlocks.Table(html, new ReportTable(
            [new("Column"), new("Run"), new("Model")],
            [.. board.Entries.Select(e => (IReadOnlyList<ReportCell>)[e.Label, e.RunId, e.ModelId])]));

        var labels = board.Entries.Select(e => e.Label).ToList();
        var combined = new ReportModel
        {
            RunId = "leaderboard",
            Scores = [.. board.Entries.SelectMany(e => e.Scores.Select(s => s with { ModelId = e.Label }))],
            Metrics = [.. board.Entries.SelectMany(e => e.Metrics.Select(m => m with { ModelId = e.Label }))],
        };

        html.Append("<h2>Scores</h2>\n");
        HtmlBlocks.Chart(html, ReportCharts.SubAspects(combined, labels));
        HtmlBlocks.Table(html, ScoreTable(board));

        html.Append("<h2>Task metrics</h2>\n");
        HtmlBlocks.Chart(html, ReportCharts.TaskMetrics(combined, labels));
        HtmlBlocks.Table(html, MetricTable(board));
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static ReportTable ScoreTable(RunLeaderboard board)
    {
        var keys = board.Entries.SelectMany(e => e.Scores).Select(s => (s.Level, s.Key)).Distinct()
            .OrderBy(k => k.Level switch { "overall" => 0, "sub_aspect" => 1, _ => 2 }).ToList();
        var rows = keys.Select(k => (IReadOnlyList<ReportCell>)
        [
            k.Level, k.Key,
            .. board.Entries.SelectMany(e =>
            {
                var score = e.Scores.FirstOrDefault(s => s.Level == k.Level && s.Key == k.Key);
                var value = new ReportCell(score is null ? "—" : ReportFormat.Score(score), score?.Value is null);
                return e.VersusFirst is null
                    ? new[] { value }
                    : [value, Delta(e.VersusFirst, k.Level, k.Key, "score", board.Alpha, percent: false)];
            }),
        ]);
        return new ReportTable([new("Level"), new("Key"), .. Columns(board)], [.. rows]);
    }

    private static ReportTable MetricTable(RunLeaderboard board)
    {
        var keys = board.Entries.SelectMany(e => e.Metrics)
            .Where(m => m.Subset == "all" && m.Variant == "clean")
            .Select(m => (m.TaskId, m.Metric)).Distinct().ToList();
        var rows = keys.Select(k => (IReadOnlyList<ReportCell>)
        [
            k.TaskId, k.Metric,
            .. board.Entries.SelectMany(e =>
            {
                var metric = e.Metrics.FirstOrDefault(m => m.TaskId == k.TaskId && m.Metric == k.Metric && m.Subset == "all" && m.Variant == "clean");
                var value = new ReportCell(ReportFormat.Percent(metric?.Value), metric?.Value is null);
                return e.VersusFirst is null
                    ? new[] { value }
                    : [value, Delta(e.VersusFirst, ComparisonLevels.Metric, k.TaskId, k.Metric, board.Alpha, percent: true)];
            }),
        ]);
        return new ReportTable([new("Task"), new("Metric"), .. Columns(board)], [.. rows]);
    }

    private static IEnumerable<ReportColumn> Columns(RunLeaderboard board) =>
        board.Entries.SelectMany(e => e.VersusFirst is null
            ? new[] { new ReportColumn(e.Label, Numeric: true) }
            : [new ReportColumn(e.Label, Numeric: true), new ReportColumn("Δ vs first", Numeric: true)]);

    private static ReportCell Delta(RunComparison comparison, string level, string key, string metric, double alpha, bool percent)
    {
        var row = comparison.Rows.FirstOrDefault(r => r.Level == level && r.Key == key && r.Metric == metric);
        if (row?.Delta is not { } delta)
        {
            return new ReportCell("—");
        }

        var text = percent ? ReportFormat.Points(delta) + " pp" : ReportFormat.Points(delta / 100);
        if (row.PValue is { } p)
        {
            var pText = p < 0.0001 ? "< 0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);
            text += $" (p {pText}{(p < alpha ? " *" : "")})";
        }

        if (row.Status is ComparisonStatus.Regressed or ComparisonStatus.Improved)
        {
            text += " " + row.Status;
        }

        return new ReportCell(text);
    }
}
