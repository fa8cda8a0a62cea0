namespace MultiTrust.Report.BrowserTests;

public sealed class LeaderboardPageTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task Open_LeaderboardOfTwoRunsOfDifferentModels_SideBySideWithSignificantDelta()
    {
        using var cli = new CliRunner();
        var pipeline = Path.Combine(CliRunner.RepoRoot, "pipelines", "quickstart.yaml");
        await cli.RunAsync("run", pipeline, "--out", "out", "--samples", "40", "--model", "baseline:refuse");
        await cli.RunAsync("run", pipeline, "--out", "out", "--samples", "40", "--model", "baseline:oracle");
        var runs = cli.RunDirs();
        Assert.Equal(2, runs.Count);

        var output = await cli.RunAsync("report", runs[0], runs[1], "--out", "out");

        var html = Path.Combine(cli.WorkingDirectory, "out", "leaderboard", "leaderboard.html");
        Assert.Contains("leaderboard: " + html, output);
        await using var page = await OpenedPage.OpenAsync(chromium.Browser, html, width: 375, height: 800);
        Assert.Empty(page.Errors);
        Assert.All(page.Requests, url => Assert.Equal(new Uri(html).AbsoluteUri, url));
        var charts = await page.BarsPerChartAsync();
        Assert.Equal(4, charts["chart-sub-aspects"]); // t1-basic and p6 scored for both models (s4 needs a classifier judge)
        Assert.True(charts["chart-task-metrics"] >= 4, $"task-metric chart draws {charts["chart-task-metrics"]} bars");
        Assert.True(await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 375);

        // t1-basic accuracy: refuse answers nothing right, oracle everything; paired on the same 40 samples.
        var row = page.Page.Locator("h2:has-text('Task metrics') ~ div.table-wrap tr", new() { HasText = "t1-basic" }).Filter(new() { HasText = "accuracy" });
        var cells = await row.First.Locator("td").AllInnerTextsAsync();
        Assert.Equal(["t1-basic", "accuracy", "0.00%", "100.00%"], cells.Take(4));
        Assert.StartsWith("+100.00 pp (p < 0.0001 *)", cells[4]);
        Assert.Contains("improved", cells[4]);
        var headers = await page.Page.Locator("th").AllInnerTextsAsync();
        Assert.Contains("baseline:refuse", headers);
        Assert.Contains("Δ vs first", headers);
    }

    [Fact]
    public async Task Report_SameRunTwice_ClearErrorNamingIt()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("run", Path.Combine(CliRunner.RepoRoot, "pipelines", "quickstart.yaml"), "--out", "out", "--samples", "5", "--model", "baseline:refuse");
        var run = Assert.Single(cli.RunDirs());

        var error = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => cli.RunAsync("report", run, run, "--out", "out"));

        Assert.Contains("is given twice", error.Message);
        Assert.Contains(run, error.Message);
    }
}
