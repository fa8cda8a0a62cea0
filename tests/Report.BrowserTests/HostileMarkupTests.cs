using MultiTrust.Core.Records;
using MultiTrust.Sinks.Reports;

namespace MultiTrust.Report.BrowserTests;

public sealed class HostileMarkupTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string Script = "<script>document.documentElement.dataset.pwned='script'</script>";
    private const string Image = "<img src=x onerror=\"document.documentElement.dataset.pwned='img'\">";

    [Fact]
    public async Task Open_ReportWithMarkupInModelIdsAndNotes_ShownAsTextAndNothingRuns()
    {
        var model = new ReportModel
        {
            RunId = "run-" + Script,
            Metrics = [new MetricRow("r", Script, "t1-basic", "all", "accuracy", 0.5, 10, 0.2, 0.8, 0)],
            Scores =
            [
                new ScoreRow("r", Script, "task", "t1-basic", 50, Image),
                new ScoreRow("r", Image, "task", "t1-basic", null, Image),
            ],
            ErrorCounts = [new ErrorCountRow(Image, "t1-basic", "timeout", 2)],
            RunCardJson = "{\"note\": \"" + Image + "\"}",
        };
        var folder = Path.Combine(Path.GetTempPath(), "multitrust-hostile-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (_, html) = await new ReportWriter().WriteAsync(model, folder);
            await using var page = await OpenedPage.OpenAsync(chromium.Browser, html);

            Assert.Empty(page.Errors);
            Assert.Null(await page.Page.GetAttributeAsync("html", "data-pwned"));
            Assert.Equal("MultiTrust run report — run-" + Script, await page.Page.TitleAsync());
            Assert.Equal(0, await page.Page.Locator("script").CountAsync());
            Assert.Equal(0, await page.Page.Locator("img").CountAsync());
            var text = await page.Page.InnerTextAsync("body");
            Assert.Contains(Script, text);
            Assert.Contains(Image, text);
            Assert.DoesNotContain(page.Requests, url => url.EndsWith("/x", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
