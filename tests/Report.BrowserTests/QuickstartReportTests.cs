namespace MultiTrust.Report.BrowserTests;

public sealed class QuickstartReportTests(ChromiumBrowser chromium, QuickstartReport report)
    : IClassFixture<ChromiumBrowser>, IClassFixture<QuickstartReport>
{
    /// <summary>The documented size cap of the quickstart's report.html (docs/cli.md).</summary>
    private const long MaxQuickstartBytes = 256 * 1024;

    [Fact]
    public async Task Open_QuickstartReport_NoConsoleErrorsAndEveryChartDrawn()
    {
        await using var page = await OpenedPage.OpenAsync(chromium.Browser, report.HtmlPath);

        var charts = await page.BarsPerChartAsync();

        Assert.Empty(page.Errors);
        Assert.Contains("chart-sub-aspects", charts.Keys);
        Assert.Contains("chart-task-metrics", charts.Keys);
        Assert.All(charts, c => Assert.True(c.Value > 0, $"chart {c.Key} draws no bar"));
        var whiskers = await page.Page.Locator("figure#chart-task-metrics path.whisker").CountAsync();
        Assert.True(whiskers > 0, "the task-metric chart draws no confidence interval");
    }

    [Fact]
    public async Task Open_QuickstartReport_NoRequestBeyondTheFileAndUnderSizeCap()
    {
        await using var page = await OpenedPage.OpenAsync(chromium.Browser, report.HtmlPath);

        var self = new Uri(report.HtmlPath).AbsoluteUri;
        Assert.All(page.Requests, url => Assert.True(url == self || url.StartsWith("data:", StringComparison.Ordinal), $"external request: {url}"));
        Assert.Contains(self, page.Requests);
        Assert.InRange(new FileInfo(report.HtmlPath).Length, 1, MaxQuickstartBytes);
    }

    [Fact]
    public async Task Open_AtPhoneWidth_NoHorizontalOverflowAndChartsFit()
    {
        await using var page = await OpenedPage.OpenAsync(chromium.Browser, report.HtmlPath, width: 375, height: 800);

        var scrollWidth = await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var widest = await page.Page.EvaluateAsync<double>(
            "() => Math.max(...[...document.querySelectorAll('svg.chart-svg')].map(s => s.getBoundingClientRect().right))");

        Assert.True(scrollWidth <= 375, $"page is {scrollWidth} px wide at a 375 px viewport");
        Assert.InRange(widest, 100, 375);
    }

    [Fact]
    public async Task Screenshot_QuickstartReport_WrittenAsPng()
    {
        await using var page = await OpenedPage.OpenAsync(chromium.Browser, report.HtmlPath, width: 1100, height: 1500);
        await page.Page.EvaluateAsync("() => document.getElementById('chart-sub-aspects').scrollIntoView()");

        // MULTITRUST_UPDATE_SCREENSHOTS=1 refreshes the README's screenshot in docs/img; otherwise a temporary file.
        var update = Environment.GetEnvironmentVariable("MULTITRUST_UPDATE_SCREENSHOTS") == "1";
        var path = update
            ? Path.Combine(CliRunner.RepoRoot, "docs", "img", "report-quickstart.png")
            : Path.Combine(Path.GetTempPath(), $"report-quickstart-{Guid.NewGuid():N}.png");
        try
        {
            await page.Page.ScreenshotAsync(new() { Path = path, FullPage = false });

            var bytes = await File.ReadAllBytesAsync(path);
            Assert.True(bytes.Length > 10_000, $"screenshot is only {bytes.Length} bytes");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }
        finally
        {
            if (!update)
            {
                File.Delete(path);
            }
        }
    }
}
