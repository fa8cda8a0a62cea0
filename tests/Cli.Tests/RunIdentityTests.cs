using System.Text.RegularExpressions;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Runs;
using MultiTrust.Testing;

namespace MultiTrust.Cli.Tests;

/// <summary>Every plain <c>run</c> is a new run; <c>--resume</c> continues an unfinished one and never a finished one.</summary>
public sealed partial class RunIdentityTests
{
    private static string Quickstart => Path.Combine(RepoPaths.Root, "pipelines", "quickstart.yaml");

    [GeneratedRegex(@"^quickstart-[0-9a-f]{12}-[0-9]{8}T[0-9]{6}Z(-[0-9]+)?$")]
    private static partial Regex GeneratedRunId();

    private static string[] Baseline(params string[] extra) =>
        ["run", Quickstart, "--samples", "2", "--out", "out", "--model", "baseline:refuse", .. extra];

    private static List<string> RunIds(CliHarness cli) =>
        [.. Directory.GetDirectories(Path.Combine(cli.WorkingDirectory, "out", "runs")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    private static async Task<RunCard> CardAsync(CliHarness cli, string runId) =>
        (await RunCardFactory.ReadAsync(Path.Combine(cli.WorkingDirectory, "out", "runs", runId), CancellationToken.None))!;

    [Fact]
    public async Task Run_SameFileTwice_TwoCompleteRunsWithTimestampedIdsOfOneConfiguration()
    {
        using var cli = new CliHarness();

        var first = await cli.RunAsync(Baseline());
        var second = await cli.RunAsync(Baseline());

        Assert.True(first.ExitCode == ExitCodes.Ok, first.Output);
        Assert.True(second.ExitCode == ExitCodes.Ok, second.Output);
        var ids = RunIds(cli);
        Assert.Equal(2, ids.Count);
        Assert.All(ids, id => Assert.Matches(GeneratedRunId(), id));
        Assert.Equal(ids[0][.."quickstart-0123456789ab".Length], ids[1][.."quickstart-0123456789ab".Length]); // one configuration
        foreach (var id in ids)
        {
            var card = await CardAsync(cli, id);
            Assert.Equal((id, RunStatuses.Complete, 1), (card.RunId, card.Status, card.Attempts));
        }
    }

    [Fact]
    public async Task Resume_FinishedRun_RefusesNamingItAndHowToStartANewRun()
    {
        using var cli = new CliHarness();
        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync(Baseline())).ExitCode);
        var id = Assert.Single(RunIds(cli));
        var cardBefore = await File.ReadAllTextAsync(Path.Combine(cli.WorkingDirectory, "out", "runs", id, "run.json"));

        var (namedCode, named) = await cli.RunAsync(Baseline("--resume", id));
        var (latestCode, latest) = await cli.RunAsync(Baseline("--resume"));

        Assert.Equal(ExitCodes.InvalidInput, namedCode);
        Assert.Contains($"Run '{id}' is complete", named);
        Assert.Contains("a finished run is never resumed", named);
        Assert.Contains("Start a new run with:", named);
        Assert.Contains($"  multitrust run {Quickstart} --model baseline:refuse --samples 2 --out out\n", named);
        Assert.Equal(ExitCodes.InvalidInput, latestCode);
        Assert.Contains("Every run of this configuration", latest);
        Assert.Contains(id, latest);
        Assert.Equal([id], RunIds(cli));
        Assert.Equal(cardBefore, await File.ReadAllTextAsync(Path.Combine(cli.WorkingDirectory, "out", "runs", id, "run.json")));
    }

    [Fact]
    public async Task Resume_NoRunYet_ClearMessageAndNothingCreated()
    {
        using var cli = new CliHarness();

        var (code, output) = await cli.RunAsync(Baseline("--resume"));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("There is no run of this configuration (pipeline 'quickstart'", output);
        Assert.Contains("Start a new run with:", output);
        Assert.False(Directory.Exists(Path.Combine(cli.WorkingDirectory, "out", "runs")) && RunIds(cli).Count > 0);
    }

    [Fact]
    public async Task Resume_UnknownRun_ListsTheRunsThere()
    {
        using var cli = new CliHarness();
        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync(Baseline())).ExitCode);

        var (code, output) = await cli.RunAsync(Baseline("--resume", "nope"));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("There is no run 'nope'", output);
        Assert.Contains(Assert.Single(RunIds(cli)), output);
    }

    [Fact]
    public async Task Resume_RunOfAnotherConfiguration_RefusesAndChangesNothing()
    {
        using var cli = new CliHarness();
        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync(Baseline())).ExitCode);
        var id = Assert.Single(RunIds(cli));
        var card = Path.Combine(cli.WorkingDirectory, "out", "runs", id, "run.json");
        await File.WriteAllTextAsync(card, (await File.ReadAllTextAsync(card)).Replace("\"complete\"", "\"interrupted\"", StringComparison.Ordinal));

        var (code, output) = await cli.RunAsync(["run", Quickstart, "--samples", "3", "--out", "out", "--model", "baseline:refuse", "--resume", id]);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"Run '{id}' was started with another configuration", output);
        Assert.Equal(1, (await CardAsync(cli, id)).Attempts);
    }

    [Fact]
    public async Task Resume_Latest_PicksTheLatestUnfinishedRunOfTheConfigurationNotAFinishedOne()
    {
        using var cli = new CliHarness();
        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync(Baseline("--run-id", "older-unfinished"))).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync(Baseline("--run-id", "newer-unfinished"))).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync(Baseline("--run-id", "newest-finished"))).ExitCode);
        await MarkUnfinishedAsync(cli, "older-unfinished", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await MarkUnfinishedAsync(cli, "newer-unfinished", new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));

        var (code, output) = await cli.RunAsync(Baseline("--resume"));

        Assert.True(code == ExitCodes.Ok, output);
        Assert.Contains("run newer-unfinished (attempt 2)", output);
        Assert.Equal(["newer-unfinished", "newest-finished", "older-unfinished"], RunIds(cli));
        Assert.Equal((RunStatuses.Complete, 2), ((await CardAsync(cli, "newer-unfinished")).Status, (await CardAsync(cli, "newer-unfinished")).Attempts));
        Assert.Equal(RunStatuses.Interrupted, (await CardAsync(cli, "older-unfinished")).Status);
    }

    [Fact]
    public async Task Run_ExplicitRunIdThatExists_RefusesAndPointsAtResume()
    {
        using var cli = new CliHarness();
        Assert.Equal(ExitCodes.Ok, (await cli.RunAsync(Baseline("--run-id", "nightly-1"))).ExitCode);
        await MarkUnfinishedAsync(cli, "nightly-1", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        var (code, output) = await cli.RunAsync(Baseline("--run-id", "nightly-1"));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("Run 'nightly-1' already exists", output);
        Assert.Contains("--resume nightly-1", output);
    }

    private static async Task MarkUnfinishedAsync(CliHarness cli, string runId, DateTimeOffset started)
    {
        var runDir = Path.Combine(cli.WorkingDirectory, "out", "runs", runId);
        var card = (await RunCardFactory.ReadAsync(runDir, CancellationToken.None))!;
        await RunCardFactory.WriteAsync(card with { Status = RunStatuses.Interrupted, StartedUtc = started, FinishedUtc = null }, runDir, CancellationToken.None);
    }
}
