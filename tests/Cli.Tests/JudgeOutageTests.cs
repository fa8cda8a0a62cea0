using MultiTrust.Core.Records;
using MultiTrust.Core.Runs;
using MultiTrust.Sinks.Results;
using MultiTrust.Testing;

namespace MultiTrust.Cli.Tests;

/// <summary>
/// A judge server outage during a run leaves judge_error rows; a resumed run, or <c>rejudge</c>, turns them into verdicts
/// without calling the model under test, and the metrics then equal those of a run without the outage.
/// </summary>
public sealed class JudgeOutageTests
{
    // The command that continues a run. (Same file, same configuration: the same run id.)
    private static readonly string[] s_resume = ["run", "p.yaml", "--resume"];

    [Fact]
    public async Task Resume_AfterClassifierOutage_JudgeErrorsBecomeVerdictsAndMetricsEqualAnUninterruptedRun()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { ReferenceJudge = true });
        var expected = await UninterruptedAsync(server);
        using var cli = Harness(server);
        var errors = await RunThroughOutageAsync(cli, server);
        var before = server.TotalRequests;

        var (exit, output) = await cli.RunAsync(s_resume);

        Assert.True(exit == 0, output);
        Assert.Contains($"judging again: {errors} committed response(s) with judge_error judgments", output, StringComparison.Ordinal);
        Assert.Equal(errors, server.TotalRequests - before); // one classifier call per failed judgment, nothing else
        await AssertLikeUninterruptedAsync(cli, expected);
    }

    [Fact]
    public async Task Rejudge_AfterClassifierOutage_JudgeErrorsBecomeVerdictsAndMetricsEqualAnUninterruptedRun()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { ReferenceJudge = true });
        var expected = await UninterruptedAsync(server);
        using var cli = Harness(server);
        var errors = await RunThroughOutageAsync(cli, server);
        var runId = Path.GetFileName(RunOutputs.SingleRunDir(Path.Combine(cli.WorkingDirectory, "out")));
        var before = server.TotalRequests;

        var (exit, output) = await cli.RunAsync("rejudge", runId, "--errors-only");

        Assert.True(exit == 0, output);
        Assert.Contains($"{errors} committed response(s) with judge_error judgments of any step", output, StringComparison.Ordinal);
        Assert.Contains("judge_error judgments left: 0", output, StringComparison.Ordinal);
        Assert.Equal(errors, server.TotalRequests - before);
        await AssertLikeUninterruptedAsync(cli, expected);

        // Nothing left to do: a second rejudge changes nothing.
        (exit, output) = await cli.RunAsync("rejudge", runId, "--errors-only");
        Assert.True(exit == 0, output);
        Assert.Contains("nothing to judge again", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejudge_OneStep_JudgesEveryResponseOfThatStepAgainAndKeepsTheOtherRows()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { ReferenceJudge = true });
        using var cli = Harness(server, cache: false); // with the judge cache on, an unchanged classifier would answer from it
        var (exit, output) = await cli.RunAsync("run", "p.yaml");
        Assert.True(exit == 0, output);
        var runDir = RunOutputs.SingleRunDir(Path.Combine(cli.WorkingDirectory, "out"));
        var metrics = RunOutputs.Comparable(await RunOutputs.MetricsAsync(runDir));
        var before = server.TotalRequests;

        (exit, output) = await cli.RunAsync("rejudge", Path.GetFileName(runDir), "--judge", "harmbench");

        Assert.True(exit == 0, output);
        Assert.Equal(24, server.TotalRequests - before);
        var latest = await RunOutputs.JudgmentsAsync(runDir);
        Assert.All(latest.Where(j => j.JudgeId == "harmbench"), j => Assert.Equal(1, j.Revision));
        Assert.All(latest.Where(j => j.JudgeId == "refusal"), j => Assert.Equal(0, j.Revision));
        Assert.Equal(metrics, RunOutputs.Comparable(await RunOutputs.MetricsAsync(runDir))); // same classifier, same verdicts

        (exit, output) = await cli.RunAsync("rejudge", Path.GetFileName(runDir), "--judge", "no-such-step");
        Assert.Equal(2, exit);
        Assert.Contains("--judge no-such-step", output, StringComparison.Ordinal);
        Assert.Contains("harmbench", output, StringComparison.Ordinal);
    }

    private static CliHarness Harness(LoopbackModelServer server, bool cache = true)
    {
        var cli = new CliHarness();
        cli.Write("p.yaml", $$"""
            name: outage
            output: out
            cache: {{(cache ? "true" : "false")}}
            tasks:
              - id: s4-typographic-jailbreaking
                samples: 12
            models: [baseline:comply, baseline:refuse]
            judge_models:
              harmbench: { endpoint: "{{server.BaseUrl}}", model: cls-test, concurrency: 4, retries: 0 }
            """);
        return cli;
    }

    private static async Task<List<string>> UninterruptedAsync(LoopbackModelServer server)
    {
        using var cli = Harness(server);
        var (exit, output) = await cli.RunAsync("run", "p.yaml");
        Assert.True(exit == 0, output);
        var runDir = RunOutputs.SingleRunDir(Path.Combine(cli.WorkingDirectory, "out"));
        Assert.DoesNotContain(await RunOutputs.JudgmentsAsync(runDir), j => j.Status == JudgmentStatus.JudgeError);
        return RunOutputs.Comparable(await RunOutputs.MetricsAsync(runDir));
    }

    /// <summary>
    /// Runs while the classifier answers 500 to its next 10 requests; returns the judge_error count. With no retries
    /// (and fewer failed attempts than the circuit breaker's minimum throughput) each failed request is one judge_error;
    /// a failed request's classifier input may recur in another response (the refusal baseline answers alike), which
    /// the judge cache then serves, so up to 10 judgments fail.
    /// </summary>
    private static async Task<int> RunThroughOutageAsync(CliHarness cli, LoopbackModelServer server)
    {
        const int outage = 10;
        server.Faults.Enqueue(Fault.ServerError(), outage);
        var (exit, output) = await cli.RunAsync("run", "p.yaml");
        Assert.True(exit == 0, output);
        Assert.Equal(0, server.Faults.Pending);
        var runDir = RunOutputs.SingleRunDir(Path.Combine(cli.WorkingDirectory, "out"));
        var judgments = await RunOutputs.JudgmentsAsync(runDir);
        var errors = judgments.Count(j => j.JudgeId == "harmbench" && j.Status == JudgmentStatus.JudgeError);
        Assert.InRange(errors, 1, outage);
        Assert.Equal(RunStatuses.CompleteWithJudgeErrors, (await RunCardFactory.ReadAsync(runDir, CancellationToken.None))!.Status);
        // The steps after a failed classifier verdict (not-jailbroken, rta) are judge_error too, and counted.
        var allErrors = judgments.Count(j => j.Status == JudgmentStatus.JudgeError);
        Assert.True(allErrors > errors, output);
        Assert.True(output.Contains($"judge_error: {allErrors} judgment(s) failed", StringComparison.Ordinal), output);
        return errors;
    }

    private static async Task AssertLikeUninterruptedAsync(CliHarness cli, List<string> expected)
    {
        var runDir = RunOutputs.SingleRunDir(Path.Combine(cli.WorkingDirectory, "out"));
        var latest = await RunOutputs.JudgmentsAsync(runDir);
        Assert.DoesNotContain(latest, j => j.Status == JudgmentStatus.JudgeError);
        Assert.Equal(24 * 4, latest.Count); // refusal, harmbench, not-jailbroken, rta for each of the 24 responses
        Assert.Equal(24, (await RunOutputs.ResponsesAsync(runDir)).Count);
        Assert.Contains(await new RunStore().ReadJudgmentHistoryAsync(runDir).ToListAsync(), j => j.Status == JudgmentStatus.JudgeError);
        Assert.Equal(expected, RunOutputs.Comparable(await RunOutputs.MetricsAsync(runDir)));
        Assert.Equal(RunStatuses.Complete, (await RunCardFactory.ReadAsync(runDir, CancellationToken.None))!.Status);
    }
}
