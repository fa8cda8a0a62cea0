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
    public async Task Open_QuickstartReport_DrillDownThumbnailsLoadFromTheFileItself()
    {
        await using var page = await OpenedPage.OpenAsync(chromium.Browser, report.HtmlPath);

        var images = await page.Page.EvaluateAsync<ThumbnailInfo[]>(
            "() => [...document.querySelectorAll('img')].map(i => ({ src: i.getAttribute('src').slice(0, 40), alt: i.alt, " +
            "complete: i.complete, naturalWidth: i.naturalWidth, naturalHeight: i.naturalHeight, width: i.width, height: i.height, " +
            "inDrillDown: [...document.querySelectorAll('h2')].some(h => h.textContent === 'Worst examples' && " +
            "(h.compareDocumentPosition(i) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0) }))");

        Assert.Empty(page.Errors);
        Assert.NotEmpty(images);
        Assert.All(images, i =>
        {
            Assert.Matches("^data:image/(jpeg|png);base64,[A-Za-z0-9+/]", i.Src);
            Assert.True(i.InDrillDown, $"image {i.Alt} outside the drill-down");
            Assert.Matches("^image [0-9]+ of sample .+", i.Alt);
            Assert.True(i.Complete && i.NaturalWidth > 0 && i.NaturalHeight > 0, $"{i.Alt} did not load");
            Assert.Equal((i.NaturalWidth, i.NaturalHeight), (i.Width, i.Height));
            Assert.InRange(Math.Max(i.NaturalWidth, i.NaturalHeight), 1, 128);
        });
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

    /// <summary>What the page reports of one img element (filled by Playwright from the evaluated object).</summary>
    private sealed class ThumbnailInfo
    {
        public string Src { get; set; } = "";

        public string Alt { get; set; } = "";

        public bool Complete { get; set; }

        public int NaturalWidth { get; set; }

        public int NaturalHeight { get; set; }

        public int Width { get; set; }

        public int Height { get; set; }

        public bool InDrillDown { get; set; }
    }
}
