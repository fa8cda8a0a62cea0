namespace MultiTrust.Report.BrowserTests;

/// <summary>The offline quickstart (pipelines/quickstart.yaml, four baselines) run once for the test class.</summary>
public sealed class QuickstartReport : IAsyncLifetime
{
    private readonly CliRunner _cli = new();

    public string HtmlPath { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await _cli.RunAsync("run", Path.Combine(CliRunner.RepoRoot, "pipelines", "quickstart.yaml"), "--out", "out");
        HtmlPath = Path.Combine(Assert.Single(_cli.RunDirs()), "report.html");
    }

    public Task DisposeAsync()
    {
        _cli.Dispose();
        return Task.CompletedTask;
    }
}
