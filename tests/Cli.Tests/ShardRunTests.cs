using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Runs;

namespace MultiTrust.Cli.Tests;

/// <summary><c>run --shard k/N</c>, <c>status</c> and <c>report</c> of a sharded run, in-process against the baselines.</summary>
public sealed class ShardRunTests
{
    private static string Quickstart => Path.Combine(RepoPaths.Root, "pipelines", "quickstart.yaml");

    private static string[] Args(params string[] more) =>
        ["run", Quickstart, "--samples", "12", "--out", "out", "--model", "baseline:random", "--model", "baseline:oracle", .. more];

    [Fact]
    public async Task Run_ThreeShardsThenReport_RowsAndMetricsEqualASingleProcessRun()
    {
        using var cli = new CliHarness();
        for (var k = 0; k < 3; k++)
        {
            var (code, output) = await cli.RunAsync(Args("--run-id", "sharded", "--shard", $"{k}/3"));
            Assert.True(code == ExitCodes.Ok, output);
            Assert.Contains($"shard {k}/3 complete", output);
        }

        var report = await cli.RunAsync("report", "sharded", "--out", "out");
        var single = await cli.RunAsync(Args("--run-id", "single"));

        Assert.True(report.ExitCode == ExitCodes.Ok, report.Output);
        Assert.Equal(ExitCodes.Ok, single.ExitCode);
        var sharded = Path.Combine(cli.WorkingDirectory, "out", "runs", "sharded");
        var whole = Path.Combine(cli.WorkingDirectory, "out", "runs", "single");
        Assert.Equal(RunOutputs.Comparable(await RunOutputs.MetricsAsync(whole)), RunOutputs.Comparable(await RunOutputs.MetricsAsync(sharded)));
        Assert.Equal(Rows(await RunOutputs.ResponsesAsync(whole)), Rows(await RunOutputs.ResponsesAsync(sharded)));
        var card = await RunCardFactory.ReadAsync(sharded, CancellationToken.None);
        var wholeCard = await RunCardFactory.ReadAsync(whole, CancellationToken.None);
        Assert.Equal(RunStatuses.Complete, card!.Status);
        Assert.Equal(wholeCard!.DatasetHashes, card.DatasetHashes);
        Assert.Equal(wholeCard.ConfigHash, card.ConfigHash);
        // Each shard wrote its own part files and markers, and no key twice.
        var markers = Directory.GetFiles(Path.Combine(sharded, "_commits")).Select(Path.GetFileName).ToList();
        Assert.All(["0-", "1-", "2-"], prefix => Assert.Contains(markers, m => m!.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task StatusAndReport_ShardsMissing_NameThemAndExit3UntilEveryShardIsComplete()
    {
        using var cli = new CliHarness();
        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync(Args("--run-id", "nightly", "--shard", "1/3"))).ExitCode);

        var status = await cli.RunAsync("status", "nightly", "--out", "out");
        var report = await cli.RunAsync("report", "nightly", "--out", "out");

        Assert.Equal(ExitCodes.Incomplete, status.ExitCode);
        Assert.Contains("shards: 1 of 3 complete", status.Output);
        Assert.Contains("shard 0/3: not started, 0 rows committed", status.Output);
        Assert.Matches(@"shard 1/3: complete, [1-9]\d* rows committed, 1 attempt", status.Output);
        Assert.Contains("missing: shard(s) 0, 2 not complete", status.Output);
        Assert.Equal(ExitCodes.Incomplete, report.ExitCode);
        Assert.Contains("2 of 3 shards have not committed all their samples", report.Output);
        Assert.False(File.Exists(Path.Combine(cli.WorkingDirectory, "out", "runs", "nightly", "metrics.parquet")));

        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync(Args("--run-id", "nightly", "--shard", "0/3"))).ExitCode);
        var last = await cli.RunAsync(Args("--run-id", "nightly", "--shard", "2/3"));
        Assert.Contains("Every shard is complete; write the report with:", last.Output);
        var after = await cli.RunAsync("status", "nightly", "--out", "out");
        Assert.True(after.ExitCode == ExitCodes.Ok, after.Output);
        Assert.Contains("shards: 3 of 3 complete", after.Output);
    }

    [Fact]
    public async Task Run_ShardAgainAfterItCompleted_NothingToDoAndNoRowWrittenTwice()
    {
        using var cli = new CliHarness();
        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync(Args("--run-id", "r", "--shard", "0/2"))).ExitCode);
        var runDir = Path.Combine(cli.WorkingDirectory, "out", "runs", "r");
        var rows = (await RunOutputs.ResponsesAsync(runDir)).Count;

        var (code, output) = await cli.RunAsync(Args("--run-id", "r", "--shard", "0/2"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("shard 0/2 of run r is already complete; nothing to do", output);
        Assert.Equal(rows, (await RunOutputs.ResponsesAsync(runDir)).Count);
    }

    [Fact]
    public async Task Run_KubernetesIndexVariables_SelectTheShardAndTheRunId()
    {
        using var cli = new CliHarness();
        cli.Environment["JOB_COMPLETION_INDEX"] = "1";
        cli.Environment["JOB_COMPLETIONS"] = "2";
        cli.Environment["MULTITRUST_RUN_ID"] = "k8s";

        var (code, output) = await cli.RunAsync(Args());

        Assert.True(code == ExitCodes.Ok, output);
        Assert.Contains("run k8s shard 1/2 (attempt 1)", output);
        var card = await ShardCards.ReadAsync(Path.Combine(cli.WorkingDirectory, "out", "runs", "k8s"), 1, CancellationToken.None);
        Assert.Equal((1, 2, RunStatuses.Complete), (card!.Shard, card.Of, card.Status));
    }

    [Fact]
    public async Task Rejudge_ShardsNotAllComplete_Exit3AndNothingChanged()
    {
        using var cli = new CliHarness();
        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync(Args("--run-id", "r", "--shard", "0/2"))).ExitCode);
        var markers = Directory.GetFiles(Path.Combine(cli.WorkingDirectory, "out", "runs", "r", "_commits")).Length;

        var (code, output) = await cli.RunAsync("rejudge", "r", "--out", "out");

        Assert.Equal(ExitCodes.Incomplete, code);
        Assert.Contains("is sharded and not every shard is complete", output);
        Assert.Equal(markers, Directory.GetFiles(Path.Combine(cli.WorkingDirectory, "out", "runs", "r", "_commits")).Length);
    }

    [Fact]
    public async Task Status_WholeRun_StatusAndCommittedRowsExit0()
    {
        using var cli = new CliHarness();
        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync(Args("--run-id", "whole"))).ExitCode);

        var (code, output) = await cli.RunAsync("status", "whole", "--out", "out");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("run whole: complete, 72 rows committed", output);
        Assert.DoesNotContain("shards:", output);
    }

    [Theory]
    [InlineData("--shard", "3/3", "the shard index must be between 0 and 2")]
    [InlineData("--shard", "1of3", "is not a shard: write k/N")]
    public async Task Run_BadShard_Exit2NamingTheFlag(string flag, string value, string message)
    {
        using var cli = new CliHarness();

        var (code, output) = await cli.RunAsync(Args("--run-id", "r", flag, value));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, output);
        Assert.False(Directory.Exists(Path.Combine(cli.WorkingDirectory, "out", "runs")));
    }

    [Fact]
    public async Task Run_ShardWithoutRunId_Exit2AskingForTheSharedRunId()
    {
        using var cli = new CliHarness();

        var (code, output) = await cli.RunAsync(Args("--shard", "0/2"));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--shard 0/2 needs the run id every shard writes: give --run-id ID (or set MULTITRUST_RUN_ID)", output);
    }

    [Fact]
    public async Task Run_IndexWithoutCount_Exit2NamingTheVariables()
    {
        using var cli = new CliHarness();
        cli.Environment["JOB_COMPLETION_INDEX"] = "0";

        var (code, output) = await cli.RunAsync(Args("--run-id", "r"));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("JOB_COMPLETION_INDEX=0 is set but the shard count is not: set JOB_COMPLETIONS (or MULTITRUST_SHARDS)", output);
    }

    [Fact]
    public async Task Run_OtherShardCountOrConfiguration_Exit2AndTheRunIsUnchanged()
    {
        using var cli = new CliHarness();
        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync(Args("--run-id", "r", "--shard", "0/3"))).ExitCode);
        var runDir = Path.Combine(cli.WorkingDirectory, "out", "runs", "r");
        var markers = Directory.GetFiles(Path.Combine(runDir, "_commits")).Length;

        var count = await cli.RunAsync(Args("--run-id", "r", "--shard", "1/2"));
        var config = await cli.RunAsync("run", Quickstart, "--samples", "13", "--out", "out", "--model", "baseline:random", "--model", "baseline:oracle", "--run-id", "r", "--shard", "1/3");
        var whole = await cli.RunAsync(Args("--resume", "r"));

        Assert.Equal(ExitCodes.InvalidInput, count.ExitCode);
        Assert.Contains("is split into 3 shards (shard 0 says so), not 2", count.Output);
        Assert.Equal(ExitCodes.InvalidInput, config.ExitCode);
        Assert.Contains("has another configuration than run 'r'", config.Output);
        Assert.Equal(ExitCodes.InvalidInput, whole.ExitCode);
        Assert.Contains("is a sharded run; a whole-run --resume never writes into it", whole.Output);
        Assert.Equal(markers, Directory.GetFiles(Path.Combine(runDir, "_commits")).Length);
        Assert.Single(await ShardCards.ReadAllAsync(runDir, CancellationToken.None));
    }

    private static List<string> Rows(IEnumerable<Core.Records.ModelResponse> responses) =>
        [.. responses.Select(r => $"{r.SampleId}|{r.VariantId}|{r.ModelId}|{r.Status}|{r.Text}").Order(StringComparer.Ordinal)];
}
