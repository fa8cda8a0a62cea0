using MultiTrust.Core.Imaging;
using MultiTrust.Core.Records;
using MultiTrust.Sinks.Reports;
using MultiTrust.Sinks.Reports.DrillDown;
using MultiTrust.Stages.Perturbation.Images;
using MultiTrust.Testing;

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

    [Fact]
    public async Task Open_DrillDownWithMarkupInSampleIdAndImagePath_ThumbnailShownAndMarkupIsText()
    {
        var png = ImageEncoder.EncodePng(RgbaImage.FromRgba(2, 1, [255, 0, 0, 255, 0, 0, 255, 255]));
        var shown = new ExampleImage(new string('a', 64), "/in/" + Image);
        var missing = new ExampleImage(new string('b', 64), "/in/" + Script);
        var example = new WorstExample("m", "t1-basic", "s-" + Image, "clean", 1, 0, "p", "answered", "No.", "yes-no: ok no (score 0)")
        {
            Images = [shown, missing],
            Thumbnails =
            [
                new Thumbnail(1, shown, "image/png", png, 2, 1, null),
                Thumbnail.Omitted(2, missing, $"image missing: sha256 {missing.Sha256} at {missing.Path}"),
            ],
        };
        var folder = Path.Combine(Path.GetTempPath(), "multitrust-hostile-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (_, html) = await new ReportWriter().WriteAsync(new ReportModel { RunId = "r", WorstExamples = [example] }, folder);
            await using var page = await OpenedPage.OpenAsync(chromium.Browser, html);

            Assert.Empty(page.Errors);
            Assert.Null(await page.Page.GetAttributeAsync("html", "data-pwned"));
            var image = page.Page.Locator("img");
            Assert.Equal(1, await image.CountAsync());
            Assert.Equal("image 1 of sample s-" + Image, await image.GetAttributeAsync("alt"));
            Assert.Equal(2, await image.EvaluateAsync<int>("i => i.naturalWidth"));
            var cell = await page.Page.Locator("td:has(img)").InnerTextAsync();
            Assert.Contains($"image 2: image missing: sha256 {missing.Sha256} at /in/{Script}", cell);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Open_RunWhoseAnswersContainMarkup_WorstExamplesShowItAsTextAndNothingRuns()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions());
        server.Reply = _ => "No. " + Script + Image; // a judgeable answer, so it is ranked and shown
        using var cli = new CliRunner();
        var pipeline = Path.Combine(cli.WorkingDirectory, "hostile.yaml");
        await File.WriteAllTextAsync(pipeline, $"""
            name: hostile
            seed: 7
            tasks:
              - id: t1-basic
                samples: 12
            models:
              - id: loop
                provider: openai-compatible
                endpoint: {server.BaseUrl}
                model: test-model
            """);
        await cli.RunAsync("run", pipeline, "--out", "out");
        var html = Path.Combine(Assert.Single(cli.RunDirs()), "report.html");

        await using var page = await OpenedPage.OpenAsync(chromium.Browser, html);

        Assert.Empty(page.Errors);
        Assert.Null(await page.Page.GetAttributeAsync("html", "data-pwned"));
        Assert.Equal(0, await page.Page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Page.Locator("img:not([src^='data:image/'])").CountAsync()); // only the drill-down's thumbnails
        var cells = await page.Page.Locator("h2:has-text('Worst examples') ~ div.table-wrap td").AllInnerTextsAsync();
        Assert.Contains(cells, c => c.Contains(Script, StringComparison.Ordinal) && c.Contains(Image, StringComparison.Ordinal));
        Assert.All(page.Requests, url => Assert.True(
            url == new Uri(html).AbsoluteUri || url.StartsWith("data:image/", StringComparison.Ordinal), $"request: {url}"));
    }
}
