using DuckDB.NET.Data;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Sinks.Results;

namespace MultiTrust.Cli.Tests;

public sealed class CompactCommandTests
{
    private const string EveryRow =
        "SELECT 'r', * FROM (SELECT * EXCLUDE (latency_ms) FROM responses ORDER BY ALL) " +
        "UNION ALL BY NAME SELECT 'j', * FROM (SELECT * FROM judgments ORDER BY ALL) " +
        "UNION ALL BY NAME SELECT 's', * FROM (SELECT sample_id, variant_id, task FROM samples ORDER BY ALL)";

    private static string Quickstart => Path.Combine(RepoPaths.Root, "pipelines", "quickstart.yaml");

    [Fact]
    public async Task Compact_RunWithManyCommits_SameQueryRowsReportAndCatalogWithFewerParts()
    {
        using var cli = new CliHarness();
        var (code, output) = await cli.RunAsync(
            "run", Quickstart, "--samples", "12", "--out", "out", "--model", "baseline:oracle", "--run-id", "r1", "--commit-every", "5");
        Assert.True(code == ExitCodes.Ok, output);
        var runDir = RunOutputs.SingleRunDir(Path.Combine(cli.WorkingDirectory, "out"));
        var partsBefore = new RunStore().ReadCommits(runDir).Sum(m => m.Parts.Count);
        var tablesAndTasks = new RunStore().ReadCommits(runDir).SelectMany(m => m.Parts).Select(p => (p.Table, p.Task)).Distinct().Count();
        Assert.True(partsBefore > tablesAndTasks, $"{partsBefore} parts over {tablesAndTasks} (table, task)s: nothing to compact");
        var rowsBefore = (await cli.RunAsync("query", EveryRow, "--out", "out", "--format", "csv")).Output;
        var metricsBefore = RunOutputs.Comparable(await RunOutputs.MetricsAsync(runDir));

        (code, output) = await cli.RunAsync("compact", "r1", "--out", "out");

        Assert.True(code == ExitCodes.Ok, output);
        Assert.Contains($"r1: compacted {partsBefore} parts into {tablesAndTasks}", output);
        var commits = new RunStore().ReadCommits(runDir);
        Assert.Equal(tablesAndTasks, Assert.Single(commits).Parts.Count);
        Assert.Equal(rowsBefore, (await cli.RunAsync("query", EveryRow, "--out", "out", "--format", "csv")).Output);
        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync("report", "r1", "--out", "out")).ExitCode);
        Assert.Equal(metricsBefore, RunOutputs.Comparable(await RunOutputs.MetricsAsync(runDir)));

        // The catalog was refreshed before the old parts were deleted: it reads the compacted parts.
        await using var catalog = new DuckDBConnection($"Data Source={Path.Combine(cli.WorkingDirectory, "out", "catalog.duckdb")};ACCESS_MODE=READ_ONLY");
        await catalog.OpenAsync();
        await using var command = catalog.CreateCommand();
        command.CommandText = "SELECT count(*) FROM responses";
        Assert.Equal(
            await new RunStore().ReadResponsesAsync(runDir).CountAsync(),
            Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));

        (code, output) = await cli.RunAsync("compact", "r1", "--out", "out");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("already compact", output);
    }

    [Fact]
    public async Task Compact_UnknownRun_Exit2NamingTheRun()
    {
        using var cli = new CliHarness();

        var (code, output) = await cli.RunAsync("compact", "nope", "--out", "out");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("No run 'nope'", output);
    }
}
