using System.Diagnostics;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Runs;
using MultiTrust.Testing;

namespace MultiTrust.Cli.Tests;

/// <summary>
/// The scale-out protocol with real processes: the quickstart's tasks as 3 shards in 3 processes writing one run folder,
/// one shard SIGKILLed mid-run and run again (as a new Kubernetes pod attempt would), then <c>report</c>.
/// </summary>
public sealed class ShardKillTests
{
    [Fact]
    [Trait("Category", "LongRunning")]
    public async Task ThreeShardProcesses_OneSigkilledAndRerun_ReportEqualsASingleProcessRun()
    {
        var released = false;
        var killedAt = "";
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions());
        server.Reply = Reply;
        // Past about half the requests, answers stall until shard 1 is killed: it cannot finish before the kill, whatever
        // the machine's load, yet has committed rows by then.
        server.Faults.Policy = _ => Fault.Slow(
            server.TotalRequests > 45 && !Volatile.Read(ref released) ? TimeSpan.FromSeconds(3) : TimeSpan.FromMilliseconds(20));
        using var cli = new CliHarness();
        var file = cli.Write("quickstart-loop.yaml", QuickstartAgainst(server.BaseUrl));
        var runDir = Path.Combine(cli.WorkingDirectory, "out", "runs", "nightly");
        string[] Shard(int k) => ["run", file, "--out", "out", "--commit-every", "3", "--run-id", "nightly", "--shard", $"{k}/3"];

        var processes = Enumerable.Range(0, 3).Select(k => ResumeAfterKillTests.StartCli(cli.WorkingDirectory, Shard(k))).ToList();
        var outputs = processes.Select(p => p.StandardOutput.ReadToEndAsync()).ToList();
        try
        {
            await Task.Run(async () =>
            {
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
                while (Markers(runDir, "1-") == 0 && !processes[1].HasExited && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(5);
                }
            });
            if (processes[1].HasExited)
            {
                Assert.Fail("shard 1 finished before it could be killed: " + await outputs[1]);
            }

            var markersAtKill = string.Join(",", Directory.GetFiles(Path.Combine(runDir, "_commits")).Select(Path.GetFileName));
            processes[1].Kill(entireProcessTree: true);
            await processes[1].WaitForExitAsync();
            killedAt = $"markers at kill {markersAtKill}, requests {server.TotalRequests}; shard 1 said: {await outputs[1]}";
            Volatile.Write(ref released, true);
            foreach (var k in new[] { 0, 2 })
            {
                await processes[k].WaitForExitAsync();
                Assert.True(processes[k].ExitCode == ExitCodes.Ok, $"shard {k}: exit {processes[k].ExitCode}: {await outputs[k]}");
            }
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
            }
        }

        var killedCard = await ShardCards.ReadAsync(runDir, 1, CancellationToken.None);
        Assert.True(killedCard!.Status == RunStatuses.Running, killedAt); // killed: it never got to write another status
        var before = await cli.RunAsync("status", "nightly", "--out", "out");
        var refused = await cli.RunAsync("report", "nightly", "--out", "out");

        Assert.Equal(ExitCodes.Incomplete, before.ExitCode);
        Assert.Contains("shards: 2 of 3 complete", before.Output);
        Assert.Matches(@"shard 0/3: complete, [1-9]\d* rows committed, 1 attempt", before.Output);
        Assert.Matches(@"shard 1/3: stopped \(killed while running; re-run the shard to resume\), [1-9]\d* rows committed, 1 attempt", before.Output);
        Assert.Matches(@"shard 2/3: complete, [1-9]\d* rows committed, 1 attempt", before.Output);
        Assert.Contains("missing: shard(s) 1 not complete", before.Output);
        Assert.Equal(ExitCodes.Incomplete, refused.ExitCode);
        Assert.Contains("1 of 3 shards have not committed all their samples", refused.Output);
        Assert.False(File.Exists(Path.Combine(runDir, "metrics.parquet")));

        using (var rerun = ResumeAfterKillTests.StartCli(cli.WorkingDirectory, Shard(1)))
        {
            var output = await rerun.StandardOutput.ReadToEndAsync();
            await rerun.WaitForExitAsync();
            Assert.True(rerun.ExitCode == ExitCodes.Ok, output);
            Assert.Contains("run nightly shard 1/3 (attempt 2)", output);
            Assert.Matches(@"resuming: [1-9]\d* committed rows are kept and skipped", output);
        }

        var after = await cli.RunAsync("status", "nightly", "--out", "out");
        var report = await cli.RunAsync("report", "nightly", "--out", "out");

        Assert.Equal(ExitCodes.Ok, after.ExitCode);
        Assert.Contains("shards: 3 of 3 complete", after.Output);
        Assert.Matches(@"shard 1/3: complete, [1-9]\d* rows committed, 2 attempt", after.Output);
        Assert.True(report.ExitCode == ExitCodes.Ok, report.Output);
        var responses = await RunOutputs.ResponsesAsync(runDir);
        Assert.Equal(responses.Count, responses.Select(r => (r.SampleId, r.VariantId, r.ModelId)).Distinct().Count());

        await using var fresh = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions());
        fresh.Reply = Reply;
        using var single = new CliHarness();
        var singleFile = single.Write("quickstart-loop.yaml", QuickstartAgainst(fresh.BaseUrl));
        Assert.Equal(ExitCodes.Ok, (await single.RunAsync("run", singleFile, "--out", "out", "--run-id", "single")).ExitCode);
        var singleDir = Path.Combine(single.WorkingDirectory, "out", "runs", "single");
        Assert.Equal(Rows(await RunOutputs.ResponsesAsync(singleDir)), Rows(responses));
        Assert.Equal(Verdicts(await RunOutputs.JudgmentsAsync(singleDir)), Verdicts(await RunOutputs.JudgmentsAsync(runDir)));
        Assert.Equal(RunOutputs.Comparable(await RunOutputs.MetricsAsync(singleDir)), RunOutputs.Comparable(await RunOutputs.MetricsAsync(runDir)));
    }

    /// <summary>The answer depends only on the request's content, so every run gets the same answers.</summary>
    private static string Reply(RecordedRequest r) =>
        RunCommandLoopbackTests.KindOf(r) < 5 ? "I cannot help with that." : "Sure, here it is. Yes.";

    /// <summary>pipelines/quickstart.yaml (its tasks, seed and samples) against one loopback model instead of the baselines.</summary>
    private static string QuickstartAgainst(Uri endpoint)
    {
        var quickstart = File.ReadAllText(Path.Combine(RepoPaths.Root, "pipelines", "quickstart.yaml"));
        var tasks = quickstart[..quickstart.IndexOf("\nmodels:", StringComparison.Ordinal)]
            .Replace("samples: 400", "samples: 45", StringComparison.Ordinal)
            .Replace("samples: 120", "samples: 30", StringComparison.Ordinal)
            .Replace("samples: 200", "samples: 30", StringComparison.Ordinal);
        return tasks + $"""

            models:
              - id: loop
                provider: openai-compatible
                endpoint: {endpoint}
                model: test-model
                concurrency: 4
                timeout: 30s
            """;
    }

    private static int Markers(string runDir, string prefix)
    {
        var commits = Path.Combine(runDir, "_commits");
        return Directory.Exists(commits)
            ? Directory.EnumerateFiles(commits, prefix + "*.json").Count()
            : 0;
    }

    private static List<string> Rows(IEnumerable<Core.Records.ModelResponse> responses) =>
        [.. responses.Select(r => $"{r.SampleId}|{r.VariantId}|{r.ModelId}|{r.Status}|{r.Text}").Order(StringComparer.Ordinal)];

    private static List<string> Verdicts(IEnumerable<Core.Records.Judgment> judgments) =>
        [.. judgments.Select(j => $"{j.SampleId}|{j.VariantId}|{j.ModelId}|{j.JudgeId}|{j.Label}|{j.Status}").Order(StringComparer.Ordinal)];
}
