using MultiTrust.Cli.Infrastructure;

namespace MultiTrust.Cli.Tests;

public sealed class RunCommandQuickstartTests
{
    private static string Quickstart => Path.Combine(RepoPaths.Root, "pipelines", "quickstart.yaml");

    [Fact]
    public async Task Run_Quickstart_BaselinesBracketEveryMetric()
    {
        using var cli = new CliHarness();

        var (code, output) = await cli.RunAsync("run", Quickstart, "--samples", "60", "--out", "out");

        Assert.True(code == ExitCodes.Ok, output);
        var runDir = RunOutputs.SingleRunDir(Path.Combine(cli.WorkingDirectory, "out"));
        var metrics = await RunOutputs.MetricsAsync(runDir);
        Assert.Equal(1.0, RunOutputs.Metric(metrics, "baseline:oracle", "t1-basic", "accuracy").Value);
        foreach (var task in new[] { "s4-typographic-jailbreaking", "p6-pii-leakage-in-conversation" })
        {
            Assert.Equal(1.0, RunOutputs.Metric(metrics, "baseline:refuse", task, "rta").Value);
            Assert.Equal(0.0, RunOutputs.Metric(metrics, "baseline:comply", task, "rta").Value);
        }

        Assert.Equal(0.0, RunOutputs.Metric(metrics, "baseline:refuse", "p6-pii-leakage-in-conversation", "leak_rate").Value);
        var random = RunOutputs.Metric(metrics, "baseline:random", "t1-basic", "accuracy");
        Assert.InRange(0.5, random.CiLow!.Value, random.CiHigh!.Value);
        Assert.All(metrics, m => Assert.Equal(0, m.Excluded));
        Assert.True(File.Exists(Path.Combine(runDir, "report.html")));
        Assert.True(File.Exists(Path.Combine(cli.WorkingDirectory, "out", "catalog.duckdb")));
        Assert.Contains("report:", output);
        Assert.Contains("catalog:", output);
    }

    [Fact]
    public async Task Run_SameCommandTwice_TwoRunsWithEqualRowsAndMetrics()
    {
        using var cli = new CliHarness();
        string[] args = ["run", Quickstart, "--samples", "12", "--out", "out", "--model", "baseline:random", "--model", "baseline:oracle"];

        var first = await cli.RunAsync(args);
        var second = await cli.RunAsync(args);

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.DoesNotContain("resuming:", second.Output);
        var runs = Directory.GetDirectories(Path.Combine(cli.WorkingDirectory, "out", "runs")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, runs.Count);
        Assert.Equal(RunOutputs.Comparable(await RunOutputs.MetricsAsync(runs[0])), RunOutputs.Comparable(await RunOutputs.MetricsAsync(runs[1])));
        Assert.All(runs, r => Assert.Equal(72, RunOutputs.ResponsesAsync(r).Result.Count));
    }

    [Fact]
    public async Task Run_RunFolderLockedByAnotherProcess_Exit1AndNothingChanged()
    {
        using var cli = new CliHarness();
        string[] args = ["run", Quickstart, "--samples", "2", "--out", "out", "--model", "baseline:refuse"];
        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync(args)).ExitCode);
        var runDir = RunOutputs.SingleRunDir(Path.Combine(cli.WorkingDirectory, "out"));
        var card = await File.ReadAllTextAsync(Path.Combine(runDir, "run.json"));

        using (new FileStream(Path.Combine(runDir, ".lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var (code, output) = await cli.RunAsync([.. args, "--resume", Path.GetFileName(runDir)]);

            Assert.Equal(ExitCodes.Failed, code);
            Assert.Contains("being written by another multitrust process", output);
        }

        Assert.Equal(card, await File.ReadAllTextAsync(Path.Combine(runDir, "run.json")));
    }

    [Fact]
    public async Task Report_ExistingRun_WritesReportFiles()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("run", Quickstart, "--samples", "6", "--out", "out", "--model", "baseline:oracle");
        var runDir = RunOutputs.SingleRunDir(Path.Combine(cli.WorkingDirectory, "out"));
        File.Delete(Path.Combine(runDir, "report.md"));

        var (code, output) = await cli.RunAsync("report", Path.GetFileName(runDir), "--out", "out");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("report.md", output);
        var markdown = await File.ReadAllTextAsync(Path.Combine(runDir, "report.md"));
        Assert.Contains("Synthetic suite", markdown);
        Assert.Contains("baseline:oracle", markdown);
    }

    [Fact]
    public async Task Report_ImagesDeletedAfterTheRun_ReportWrittenAndDrillDownNamesTheMissingImages()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("run", Quickstart, "--samples", "6", "--out", "out", "--model", "baseline:comply");
        var runDir = RunOutputs.SingleRunDir(Path.Combine(cli.WorkingDirectory, "out"));
        var before = await File.ReadAllTextAsync(Path.Combine(runDir, "report.html"));
        Assert.Contains("<img src=\"data:image/", before);
        Directory.Delete(Path.Combine(cli.WorkingDirectory, "out", "blobs"), recursive: true);

        var (code, output) = await cli.RunAsync("report", Path.GetFileName(runDir), "--out", "out");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("report.html", output);
        var after = await File.ReadAllTextAsync(Path.Combine(runDir, "report.html"));
        Assert.DoesNotContain("<img", after);
        Assert.Matches("<td class=\"not-scored\">image missing: sha256 [0-9a-f]{64} at [^<]*blobs", after);
    }

    [Fact]
    public async Task Report_UnknownRun_ListsRunsAndExits2()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("run", Quickstart, "--samples", "3", "--out", "out", "--model", "baseline:refuse", "--run-id", "r1");

        var (code, output) = await cli.RunAsync("report", "nope", "--out", "out");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("No run 'nope'", output);
        Assert.Contains("r1", output);
    }

    [Fact]
    public async Task Query_Csv_CountsRowsPerModel()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("run", Quickstart, "--samples", "5", "--out", "out", "--model", "baseline:refuse", "--model", "baseline:comply");

        var (code, output) = await cli.RunAsync("query", "--out", "out", "--format", "csv",
            "SELECT model_id, count(*) AS n FROM responses GROUP BY model_id ORDER BY model_id");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("model_id,n", output);
        Assert.Contains("baseline:comply,15", output);
        Assert.Contains("baseline:refuse,15", output);
    }

    [Fact]
    public async Task Query_BadSql_Exit1WithDuckDbMessage()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("run", Quickstart, "--samples", "2", "--out", "out", "--model", "baseline:refuse");

        var (code, output) = await cli.RunAsync("query", "--out", "out", "SELECT nope FROM responses");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("nope", output);
    }

    [Fact]
    public async Task Tasks_Lists32Tasks_AllOnTheOfficialSource_TwentyTwoSynthetic()
    {
        using var cli = new CliHarness();

        var (code, output) = await cli.RunAsync("tasks");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("t1-basic", output);
        Assert.Contains("p6-pii-leakage-in-conversation", output);
        Assert.Contains("f7-subjective-preference", output);
        Assert.Contains("32 of 32 tasks runnable with the official source", output, StringComparison.Ordinal);
        Assert.Contains("22 of 32 with the synthetic source", output, StringComparison.Ordinal);
    }
}
