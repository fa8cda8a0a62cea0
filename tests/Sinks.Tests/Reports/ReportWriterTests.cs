using MultiTrust.Core.Records;
using MultiTrust.Core.Runs;
using MultiTrust.Sinks.Reports;

namespace MultiTrust.Sinks.Tests.Reports;

public sealed class ReportWriterTests
{
    private const string Hostile = "<script>alert('x')</script>";

    internal static RunCard Card(string suite = "synthetic") => new()
    {
        RunId = "run-1",
        Pipeline = "quickstart",
        PipelineFile = "/p/quickstart.yaml",
        Suite = suite,
        ConfigHash = "abc123",
        Config = new RunConfig
        {
            Seed = 42,
            Tasks = [new RunTaskConfig("t1-basic", 10)],
            Models =
            [
                new RunModelConfig("baseline:refuse", "baseline:refuse", null, 0, 512, null, null, null),
                new RunModelConfig("baseline:oracle", "baseline:oracle", null, 0, 512, null, null, null),
            ],
            Judges = [],
        },
        ToolVersion = "0.1.0",
        GitCommit = "69793af",
        Host = new RunHost("ci-1", "Linux", 2, ".NET 10"),
        Status = "complete",
        StartedUtc = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero),
        FinishedUtc = new DateTimeOffset(2026, 11, 28, 0, 5, 30, TimeSpan.Zero),
    };

    private static ReportModel Model(
        string modelId = "baseline:refuse", string? note = null, IReadOnlyList<MetricRow>? metrics = null) =>
        ReportModel.FromRunCard(
            Card(),
            metrics ?? [new MetricRow("run-1", modelId, "t1-basic", "all", "accuracy", 0.8, 10, 0.490218, 0.943317, 3)],
            [
                new ScoreRow("run-1", modelId, "task", "t1-basic", 80, null),
                new ScoreRow("run-1", modelId, "sub_aspect", "T.I", null, note ?? "incomplete: 1 of 4 tasks scored (missing: t2-advanced)"),
                new ScoreRow("run-1", modelId, "overall", "overall", null, "incomplete: 0 of 10 sub-aspects scored (missing: T.I)"),
            ],
            [new ErrorCountRow(modelId, "t1-basic", "timeout", 2), new ErrorCountRow(modelId, "t1-basic", "error", 1)],
            retryTotal: 7,
            cacheHits: 5);

    private readonly ReportWriter _writer = new();

    [Fact]
    public void RenderHtml_HostileModelIdAndNote_Encoded()
    {
        var html = _writer.RenderHtml(Model(modelId: Hostile, note: Hostile));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.Contains("<td class=\"not-scored\">not scored</td>", html);
        Assert.Contains("<td>&lt;script&gt;", html);
    }

    [Fact]
    public void RenderHtml_SelfContained_NoExternalAssetsOrScripts()
    {
        var html = _writer.RenderHtml(Model());

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<style>", html);
        Assert.Contains("default-src 'none'", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("src=", html);
    }

    [Fact]
    public void RenderMarkdown_PipeAndNewlineInCell_Escaped()
    {
        var md = _writer.RenderMarkdown(Model(modelId: "evil|model", note: "line1\nline2 | more"));

        Assert.Contains("| line1<br>line2 \\| more |", md);
        Assert.Contains("| evil\\|model | t1-basic | error | 1 |", md);
        Assert.DoesNotContain("evil|model", md);
        var tableRows = md.Split('\n').Where(l => l.StartsWith("| sub\\_aspect", StringComparison.Ordinal)).ToList();
        Assert.Single(tableRows);
        Assert.EndsWith(" |", tableRows[0]);
    }

    [Fact]
    public void RenderMarkdown_HostileText_NoRawHtml()
    {
        var md = _writer.RenderMarkdown(Model(modelId: Hostile, note: Hostile));

        Assert.DoesNotContain("<script", md, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", md);
    }

    [Fact]
    public void Render_NullScore_ShowsNotScoredWithNote()
    {
        var model = Model();

        var md = _writer.RenderMarkdown(model);
        var html = _writer.RenderHtml(model);

        Assert.Contains("| *not scored* | incomplete: 1 of 4 tasks scored (missing: t2-advanced) |", md);
        Assert.Contains(
            "<td class=\"not-scored\">not scored</td><td>incomplete: 1 of 4 tasks scored (missing: t2-advanced)</td>", html);
        Assert.Contains("<td class=\"num\">80.00</td>", html);
    }

    [Fact]
    public void Render_MetricRow_ValuePercentNCiAndExcluded()
    {
        var md = _writer.RenderMarkdown(Model());

        var html = _writer.RenderHtml(Model());

        Assert.Contains("| t1-basic | all | accuracy | 80.00% | 10 | 49.02% – 94.33% | 3 |", md);
        Assert.Contains(
            "<td>t1-basic</td><td>all</td><td>accuracy</td><td class=\"num\">80.00%</td><td class=\"num\">10</td>" +
            "<td class=\"num\">49.02% – 94.33%</td><td class=\"num\">3</td>",
            html);
    }

    [Fact]
    public void Render_MetricWithoutCi_ShowsDashAndNoJudgedResponses()
    {
        var metrics = new[] { new MetricRow("run-1", "m", "t1-basic", "all", "accuracy", null, 0, null, null, 4) };

        var md = _writer.RenderMarkdown(Model(modelId: "m", metrics: metrics));

        Assert.Contains("| t1-basic | all | accuracy | *no judged responses* | 0 | — | 4 |", md);
    }

    [Fact]
    public void Render_SyntheticRunCard_ShowsBanner()
    {
        var model = Model();

        Assert.True(model.SyntheticSuite);
        Assert.Contains("Synthetic suite — scores are not comparable to the MultiTrust paper", _writer.RenderMarkdown(model));
        Assert.Contains("<div class=\"banner\" role=\"note\">Synthetic suite", _writer.RenderHtml(model));
    }

    [Fact]
    public void Render_NotSynthetic_NoBanner()
    {
        var model = Model() with { SyntheticSuite = false };

        Assert.DoesNotContain("Synthetic suite", _writer.RenderMarkdown(model));
        Assert.DoesNotContain("Synthetic suite", _writer.RenderHtml(model));
    }

    [Fact]
    public void Render_RunCardFactsAndCounters_Shown()
    {
        var md = _writer.RenderMarkdown(Model());

        Assert.Contains("| Config hash | abc123 |", md);
        Assert.Contains("| Seed | 42 |", md);
        Assert.Contains("| Models | baseline:refuse, baseline:oracle |", md);
        Assert.Contains("| Finished (UTC) | 2026-11-28T00:05:30Z |", md);
        Assert.Contains("| Retries (extra attempts) | 7 |", md);
        Assert.Contains("| Cache hits | 5 |", md);
        Assert.Contains("| baseline:refuse | t1-basic | error | 1 |", md);
    }

    [Fact]
    public void Render_SameModel_SameBytes()
    {
        var first = Model();
        var second = Model();

        Assert.Equal(_writer.RenderMarkdown(first), _writer.RenderMarkdown(second));
        Assert.Equal(_writer.RenderHtml(first), _writer.RenderHtml(second));
    }

    [Fact]
    public void Render_ScoreRows_TasksThenSubAspectsThenOverall()
    {
        var md = _writer.RenderMarkdown(Model());

        var overall = md.IndexOf("| overall | overall |", StringComparison.Ordinal);
        var sub = md.IndexOf("| sub\\_aspect | T.I |", StringComparison.Ordinal);
        var task = md.IndexOf("| task | t1-basic |", StringComparison.Ordinal);
        Assert.True(task >= 0 && task < sub && sub < overall, md);
    }

    [Fact]
    public void RenderMarkdown_RunCardWithBackticks_FenceIsLonger()
    {
        var model = Model() with { RunCardJson = "{\"note\": \"```\"}" };

        var md = _writer.RenderMarkdown(model);

        Assert.Contains("````json\n{\"note\": \"```\"}\n````\n", md);
    }

    [Fact]
    public async Task WriteAsync_Folder_WritesBothFilesWithoutTemporaries()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mt-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (markdownPath, htmlPath) = await _writer.WriteAsync(Model(), folder);

            Assert.Equal(Path.Combine(folder, "report.md"), markdownPath);
            Assert.Equal(_writer.RenderHtml(Model()), await File.ReadAllTextAsync(htmlPath));
            Assert.Equal(_writer.RenderMarkdown(Model()), await File.ReadAllTextAsync(markdownPath));
            Assert.Equal(2, Directory.GetFiles(folder).Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
