using MultiTrust.Core.Records;
using MultiTrust.Sinks.Reports;

namespace MultiTrust.Sinks.Tests.Reports;

public sealed class AmbiguousRateReportTests
{
    private static ReportModel Model(IReadOnlyList<AmbiguousCountRow> ambiguous) =>
        ReportModel.FromRunCard(
            ReportWriterTests.Card(),
            [new MetricRow("run-1", "m", "t1-basic", "all", "accuracy", 0.8, 10, 0.5, 0.9, 2)],
            [],
            [],
            retryTotal: 0,
            cacheHits: 0,
            perturbationEffects: null,
            ambiguousCounts: ambiguous);

    [Fact]
    public void RenderMarkdown_AmbiguousCounts_RatePerTaskSortedByModelAndTask()
    {
        var markdown = new ReportWriter().RenderMarkdown(Model(
        [
            new AmbiguousCountRow("m", "t1-basic", 40, 3),
            new AmbiguousCountRow("m", "p3-infoflow", 8, 0),
            new AmbiguousCountRow("a", "t1-basic", 4, 1),
        ]));

        var section = markdown[markdown.IndexOf("## Undecided verdicts", StringComparison.Ordinal)..markdown.IndexOf("## Errors by status", StringComparison.Ordinal)];
        Assert.Contains("| Model | Task | Judged | Ambiguous | Ambiguous rate |", section, StringComparison.Ordinal);
        var rows = section.Split('\n').Where(l => l.StartsWith("| a ", StringComparison.Ordinal) || l.StartsWith("| m ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.StartsWith("| a | t1-basic | 4 | 1 | 25", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("| m | p3-infoflow | 8 | 0 | 0", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("| m | t1-basic | 40 | 3 | 7.5", rows[2], StringComparison.Ordinal);
    }

    [Fact]
    public void RenderHtml_AmbiguousCounts_SectionWithRate()
    {
        var html = new ReportWriter().RenderHtml(Model([new AmbiguousCountRow("m", "t1-basic", 8, 2)]));

        Assert.Contains("<h2>Undecided verdicts</h2>", html, StringComparison.Ordinal);
        Assert.Contains("25", html[html.IndexOf("<h2>Undecided verdicts</h2>", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }
}
