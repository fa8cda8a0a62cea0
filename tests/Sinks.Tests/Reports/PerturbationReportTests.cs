using MultiTrust.Core.Records;
using MultiTrust.Sinks.Reports;
using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Tests.Reports;

public sealed class PerturbationReportTests
{
    private const string CleanMetricsHeader = "| Task | Subset | Metric | Value | n | 95% CI | Excluded |";

    private readonly ReportWriter _writer = new();

    private static MetricRow Metric(string model, string variant, double value) =>
        new("run-1", model, "t1-basic", "all", "accuracy", value, 20, null, null, 0, variant);

    private static PerturbationEffectRow Effect(
        string model, string task, string variant, double clean, double perturbed, double? low, double? high, long? b, long? c, double? p) =>
        new("run-1", model, task, "accuracy", variant, 20, clean, perturbed, perturbed - clean, low, high, b, c, p);

    private static ReportModel Model(IReadOnlyList<MetricRow> metrics, IReadOnlyList<PerturbationEffectRow>? effects = null) =>
        ReportModel.FromRunCard(ReportWriterTests.Card(), metrics, [], [], 0, 0, effects);

    [Fact]
    public void Render_CleanOnlyWithoutEffects_NoVariantColumnAndNoPerturbationSection()
    {
        var model = Model([Metric("m", "clean", 0.8)]);

        var md = _writer.RenderMarkdown(model);
        var html = _writer.RenderHtml(model);

        Assert.Contains(CleanMetricsHeader, md);
        Assert.Contains("| t1-basic | all | accuracy | 80.00% | 20 | — | 0 |", md);
        Assert.DoesNotContain("Variant", md);
        Assert.DoesNotContain("Clean vs perturbed", md);
        Assert.DoesNotContain("Variant", html);
        Assert.DoesNotContain("Clean vs perturbed", html);
        Assert.Empty(model.PerturbationEffects);
    }

    [Fact]
    public void Render_PerturbedMetricRows_VariantColumnInGivenOrder()
    {
        var model = Model([Metric("m", "clean", 0.8), Metric("m", "noise@3", 0.55), Metric("m", "noise@1", 0.7)]);

        var md = _writer.RenderMarkdown(model);
        var html = _writer.RenderHtml(model);

        Assert.Contains("| Task | Subset | Variant | Metric | Value | n | 95% CI | Excluded |", md);
        Assert.DoesNotContain(CleanMetricsHeader, md);
        Assert.Contains("Variant = the input the metric is measured on", md);
        var clean = md.IndexOf("| t1-basic | all | clean | accuracy | 80.00% | 20 | — | 0 |", StringComparison.Ordinal);
        var three = md.IndexOf("| t1-basic | all | noise@3 | accuracy | 55.00% | 20 | — | 0 |", StringComparison.Ordinal);
        var one = md.IndexOf("| t1-basic | all | noise@1 | accuracy | 70.00% | 20 | — | 0 |", StringComparison.Ordinal);
        Assert.True(clean >= 0 && clean < three && three < one, md);
        Assert.Contains("<th>Subset</th><th>Variant</th><th>Metric</th>", html);
        Assert.Contains("<td>t1-basic</td><td>all</td><td>noise@3</td><td>accuracy</td><td class=\"num\">55.00%</td>", html);
    }

    [Fact]
    public void Render_PerturbationEffects_SectionPerModelSortedWithStatistics()
    {
        var effects = new[]
        {
            Effect("m-b", "t1-basic", "noise@3", 0.8, 0.55, -0.4321, -0.0512, 6, 1, 0.0117),
            Effect("m-a", "t2-other", "blur@1", 0.5, 0.5, -0.2, 0.2, 2, 2, 1.0),
            Effect("m-a", "t1-basic", "noise@3", 0.9, 0.95, -0.1, 0.2, 0, 1, 1.0),
            Effect("m-a", "t1-basic", "blur@1", 0.9, 0.6, -0.45, -0.12, 7, 1, 0.00004),
        };
        var model = Model([Metric("m-a", "clean", 0.9)], effects);

        var md = _writer.RenderMarkdown(model);

        Assert.Contains("## Clean vs perturbed\n\n", md);
        Assert.Contains("McNemar's test", md);
        Assert.Contains("exact when b + c &lt; 25", md);
        Assert.Contains(
            "| Task | Metric | Variant | n pairs | Clean | Perturbed | Delta (pp) | 95% CI of delta (pp) | McNemar b/c | p-value |\n" +
            "|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n", md);
        string[] ordered =
        [
            "### Model: m-a",
            "| t1-basic | accuracy | blur@1 | 20 | 90.00% | 60.00% | -30.00 | -45.00 – -12.00 | 7/1 | &lt; 0.0001 \\* |",
            "| t1-basic | accuracy | noise@3 | 20 | 90.00% | 95.00% | +5.00 | -10.00 – +20.00 | 0/1 | 1.0000 |",
            "| t2-other | accuracy | blur@1 | 20 | 50.00% | 50.00% | 0.00 | -20.00 – +20.00 | 2/2 | 1.0000 |",
            "### Model: m-b",
            "| t1-basic | accuracy | noise@3 | 20 | 80.00% | 55.00% | -25.00 | -43.21 – -5.12 | 6/1 | 0.0117 \\* |",
            "## Errors by status",
        ];
        var positions = ordered.Select(line => md.IndexOf(line, md.IndexOf("## Clean vs perturbed", StringComparison.Ordinal), StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, md));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void RenderHtml_PerturbationEffects_SameFactsAsMarkdownWithMarker()
    {
        var model = Model([], [Effect("m", "t1-basic", "noise@3", 0.8, 0.55, -0.4321, -0.0512, 6, 1, 0.0117)]);

        var html = _writer.RenderHtml(model);

        Assert.Contains("<h2>Clean vs perturbed</h2>\n<p class=\"legend\">Each perturbed response is paired", html);
        Assert.Contains("<h3>Model: m</h3>", html);
        Assert.Contains(
            "<td>t1-basic</td><td>accuracy</td><td>noise@3</td><td class=\"num\">20</td><td class=\"num\">80.00%</td>" +
            "<td class=\"num\">55.00%</td><td class=\"num\">-25.00</td><td class=\"num\">-43.21 – -5.12</td>" +
            "<td class=\"num\">6/1</td><td class=\"num\">0.0117 *</td>",
            html);
        Assert.Contains("default-src 'none'", html);
    }

    [Fact]
    public void Render_NonBinaryEffectWithoutCi_ShowsDashes()
    {
        var model = Model([], [Effect("m", "t1-basic", "noise@3", 0.62, 0.6, null, null, null, null, null)]);

        var md = _writer.RenderMarkdown(model);

        Assert.Contains("| t1-basic | accuracy | noise@3 | 20 | 62.00% | 60.00% | -2.00 | — | — | — |", md);
    }

    [Fact]
    public void Render_HostileIdsInEffects_Escaped()
    {
        const string hostile = "<script>alert('x')</script>|";
        var model = Model([Metric(hostile, hostile, 0.5)], [Effect(hostile, "t1-basic", hostile, 0.8, 0.7, null, null, 1, 0, 1.0)]);

        var md = _writer.RenderMarkdown(model);
        var html = _writer.RenderHtml(model);

        Assert.DoesNotContain("<script", md, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("| t1-basic | accuracy | &lt;script&gt;alert('x')&lt;/script&gt;\\| | 20 |", md);
        Assert.Contains("### Model: &lt;script&gt;alert('x')&lt;/script&gt;\\|\n", md);
        Assert.Contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;|</td><td class=\"num\">20</td>", html);
    }

    [Fact]
    public void Render_SameEffectsInAnyOrder_SameBytes()
    {
        var a = Effect("m", "t1-basic", "noise@3", 0.8, 0.55, null, null, 6, 1, 0.0117);
        var b = Effect("m", "t1-basic", "blur@1", 0.8, 0.75, null, null, 1, 0, 1.0);

        Assert.Equal(_writer.RenderMarkdown(Model([], [a, b])), _writer.RenderMarkdown(Model([], [b, a])));
        Assert.Equal(_writer.RenderHtml(Model([], [a, b])), _writer.RenderHtml(Model([], [b, a])));
    }
}
