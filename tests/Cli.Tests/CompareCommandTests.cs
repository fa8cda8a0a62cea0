using MultiTrust.Cli.Infrastructure;
using MultiTrust.Sinks.Compare;

namespace MultiTrust.Cli.Tests;

public sealed class CompareCommandTests(CompareCommandTests.TwoRuns runs) : IClassFixture<CompareCommandTests.TwoRuns>
{
    private const string Pipeline = """
        name: compare-test
        seed: 7
        tasks:
          - id: t1-basic
            samples: 60
          - id: p6-pii-leakage-in-conversation
            samples: 40
        models:
          - provider: baseline:oracle
        """;

    [Fact]
    public async Task Compare_DegradedBaselineWithFailOnRegression_Exit1NamingRegressedTasks()
    {
        var cli = runs.Cli;

        var (code, output) = await cli.RunAsync("compare", "good", "worse", "--runs-root", "out", "--out", "cmp", "--fail-on-regression");

        Assert.True(code == ExitCodes.Failed, output);
        Assert.Contains("regressed: t1-basic accuracy", output);
        Assert.Contains("`baseline:oracle` (A) vs `baseline:random` (B)", output);
        Assert.Contains("`baseline:oracle` (A) vs `baseline:random` (B)", await File.ReadAllTextAsync(Path.Combine(cli.WorkingDirectory, "cmp", "compare.md")));
        var rows = await ComparisonWriter.ReadRowsAsync(Path.Combine(cli.WorkingDirectory, "cmp"));
        var accuracy = Assert.Single(rows, r => r.Level == ComparisonLevels.Metric && r.Key == "t1-basic");
        Assert.True(accuracy.Paired, "same seed: the two runs judged the same samples");
        Assert.Equal(60, accuracy.NPairs);
        Assert.Equal(ComparisonStatus.Regressed, accuracy.Status);
        Assert.True(File.Exists(Path.Combine(cli.WorkingDirectory, "cmp", "compare.md")));
        Assert.True(File.Exists(Path.Combine(cli.WorkingDirectory, "cmp", "compare.json")));
    }

    [Fact]
    public async Task Compare_RunWithItself_Exit0NoRegression()
    {
        var cli = runs.Cli;
        var runFolder = Path.Combine(cli.WorkingDirectory, "out", "runs", "good");

        var (code, output) = await cli.RunAsync("compare", runFolder, "good", "--fail-on-regression");

        Assert.True(code == ExitCodes.Ok, output);
        Assert.DoesNotContain("regressed:", output);
        Assert.Contains("0 regressed", output);
        Assert.True(File.Exists(Path.Combine(cli.WorkingDirectory, "out", "compare", "good_vs_good", "compare.parquet")));
    }

    [Fact]
    public async Task Compare_BadRunPath_Exit2NamingIt()
    {
        using var cli = new CliHarness();

        var (code, output) = await cli.RunAsync("compare", "no/such/run", "other", "--runs-root", "out");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("no/such/run", output);
    }

    [Fact]
    public async Task Compare_AlphaOutOfRange_Exit2()
    {
        using var cli = new CliHarness();

        var (code, output) = await cli.RunAsync("compare", "a", "b", "--alpha", "1.5");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--alpha", output);
    }

    /// <summary>Two runs of the same pipeline and seed, shared by the tests: <c>good</c> (baseline:oracle) and <c>worse</c> (baseline:random).</summary>
    public sealed class TwoRuns : IAsyncLifetime
    {
        internal CliHarness Cli { get; } = new();

        public async Task InitializeAsync()
        {
            var file = Cli.Write("compare.yaml", Pipeline);
            var oracle = await Cli.RunAsync("run", file, "--out", "out", "--run-id", "good", "--model", "baseline:oracle");
            var random = await Cli.RunAsync("run", file, "--out", "out", "--run-id", "worse", "--model", "baseline:random");
            Assert.True(oracle.ExitCode == ExitCodes.Ok, oracle.Output);
            Assert.True(random.ExitCode == ExitCodes.Ok, random.Output);
        }

        public Task DisposeAsync()
        {
            Cli.Dispose();
            return Task.CompletedTask;
        }
    }
}
