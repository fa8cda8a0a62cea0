using System.Net;
using System.Text.RegularExpressions;
using MultiTrust.Core.Records;
using MultiTrust.Sinks.Reports;
using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Tests.Reports.Charts;

public sealed class ReportChartsTests
{
    private readonly ReportWriter _writer = new();

    private static ReportModel Model(
        IReadOnlyList<ErrorCountRow>? errors = null, IReadOnlyList<PerturbationEffectRow>? effects = null, IReadOnlyList<ScoreRow>? scores = null) =>
        ReportModel.FromRunCard(
            ReportWriterTests.Card(),
            [
                new MetricRow("run-1", "m-a", "t1-basic", "all", "accuracy", 0.8, 100, 0.71, 0.87, 0),
                new MetricRow("run-1", "m-b", "t1-basic", "all", "accuracy", 0.5, 100, 0.4, 0.6, 0),
                new MetricRow("run-1", "m-a", "t1-basic", "yes", "accuracy", 0.9, 50, 0.8, 0.95, 0),
            ],
            scores ??
            [
                new ScoreRow("run-1", "m-a", "sub_aspect", "T.I", 80, null),
                new ScoreRow("run-1", "m-b", "sub_aspect", "T.I", null, "incomplete"),
                new ScoreRow("run-1", "m-a", "sub_aspect", "S.I", 55, null),
            ],
            errors ?? [],
            0,
            0,
            effects);

    private static int Bars(string html, string chartId)
    {
        var start = html.IndexOf($"<figure class=\"chart\" id=\"{chartId}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"chart {chartId} missing");
        var end = html.IndexOf("</figure>", start, StringComparison.Ordinal);
        return Regex.Matches(html[start..end], "<rect class=\"bar\"").Count;
    }

    [Fact]
    public void RenderHtml_ScoresAndMetrics_SubAspectAndTaskMetricChartsDrawn()
    {
        var html = _writer.RenderHtml(Model());

        Assert.Equal(2, Bars(html, "chart-sub-aspects")); // m-b's T.I is not scored
        Assert.Equal(2, Bars(html, "chart-task-metrics")); // subset "yes" is not charted
        Assert.Equal(2, Regex.Matches(html, "class=\"whisker\"").Count);
        Assert.DoesNotContain("chart-errors", html);
        Assert.DoesNotContain("chart-perturbation-deltas", html);
    }

    [Fact]
    public void RenderHtml_Errors_StackedBarPerModelSummedOverTasks()
    {
        var html = _writer.RenderHtml(Model(errors:
        [
            new ErrorCountRow("m-a", "t1-basic", "timeout", 2),
            new ErrorCountRow("m-a", "s4", "timeout", 3),
            new ErrorCountRow("m-b", "t1-basic", "judge_error", 1),
        ]));

        Assert.Equal(2, Bars(html, "chart-errors"));
        Assert.Contains(WebUtility.HtmlEncode("timeout — m-a: 5"), html);
        Assert.Contains(WebUtility.HtmlEncode("judge_error — m-b: 1"), html);
    }

    [Fact]
    public void RenderHtml_PerturbationEffects_DeltaBarPerVariantWithWhisker()
    {
        var html = _writer.RenderHtml(Model(effects:
        [
            new PerturbationEffectRow("run-1", "m-a", "t1-basic", "accuracy", "noise@1", 50, 0.8, 0.7, -0.1, -0.2, 0.0, 8, 3, 0.2),
            new PerturbationEffectRow("run-1", "m-a", "t1-basic", "accuracy", "noise@3", 50, 0.8, 0.5, -0.3, -0.45, -0.15, 16, 1, 0.001),
        ]));

        Assert.Equal(2, Bars(html, "chart-perturbation-deltas"));
        Assert.Contains(WebUtility.HtmlEncode("t1-basic · accuracy · noise@3"), html);
        Assert.Contains(WebUtility.HtmlEncode("m-a — t1-basic · accuracy · noise@3: -30.00 pp"), html);
    }

    [Fact]
    public void RenderHtml_NothingScored_NoEmptyChart()
    {
        var html = _writer.RenderHtml(Model(scores: [new ScoreRow("run-1", "m-a", "sub_aspect", "T.I", null, "incomplete")]));

        Assert.DoesNotContain("chart-sub-aspects", html);
    }

    [Fact]
    public void RenderHtml_NoSubAspectComplete_ChartsTaskScores()
    {
        var html = _writer.RenderHtml(Model(scores:
        [
            new ScoreRow("run-1", "m-a", "task", "t1-basic", 80, null),
            new ScoreRow("run-1", "m-b", "task", "t1-basic", 40, null),
            new ScoreRow("run-1", "m-a", "sub_aspect", "T.I", null, "incomplete"),
        ]));

        Assert.Equal(2, Bars(html, "chart-sub-aspects"));
        Assert.Contains("Task scores by model", html);
    }

    [Fact]
    public void RenderHtml_Chart_HasTextAlternativeTable()
    {
        var html = _writer.RenderHtml(Model());

        Assert.Contains("<summary>Chart data (text)</summary>", html);
        Assert.Contains("<td>T.I</td><td>m-a</td><td class=\"num\">80.00</td>", html);
    }
}
