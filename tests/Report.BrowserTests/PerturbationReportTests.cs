namespace MultiTrust.Report.BrowserTests;

public sealed class PerturbationReportTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task Open_PerturbationDemoReport_DeltaChartHasABarPerVariantAndModel()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("run", Path.Combine(CliRunner.RepoRoot, "pipelines", "perturbation-demo.yaml"), "--out", "out", "--samples", "30");
        var html = Path.Combine(Assert.Single(cli.RunDirs()), "report.html");

        await using var page = await OpenedPage.OpenAsync(chromium.Browser, html);

        Assert.Empty(page.Errors);
        var charts = await page.BarsPerChartAsync();
        Assert.Equal(6 * 3, charts["chart-perturbation-deltas"]); // 3 perturbations × 2 severities, 3 baselines
        Assert.All(charts, c => Assert.True(c.Value > 0, $"chart {c.Key} draws no bar"));
        var labels = await page.Page.Locator("figure#chart-perturbation-deltas text.label").AllTextContentsAsync();
        Assert.Contains(labels, l => l.Contains("gaussian-blur@5", StringComparison.Ordinal));
    }
}
