using System.Text.Json;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Runs;
using MultiTrust.Testing;

namespace MultiTrust.Cli.Tests;

/// <summary>
/// Kills a real <c>multitrust run</c> process with SIGKILL at several points of a run and resumes it with
/// <c>--resume</c>: the resumed run holds exactly the rows and metrics of an uninterrupted run.
/// </summary>
public sealed class ResumeAfterKillPointsTests
{
    private const int Rows = 180; // t1: 60 + p6: 120

    private static string Reply(RecordedRequest r) => RunCommandLoopbackTests.KindOf(r) < 5 ? "I cannot help with that." : "Sure, here it is.";

    /// <summary>
    /// <c>generation</c>: as soon as the run card exists, before anything is committed (samples being generated and the
    /// first requests in flight); <c>inference</c>: after 60 requests and 2 commits; <c>commit</c>: with a commit after
    /// every result, so the kill lands inside or between the steps of a commit (parts written, renamed, marker);
    /// <c>finalisation</c>: after the last commit, while metrics, catalog and report are written.
    /// </summary>
    [Theory]
    [Trait("Category", "LongRunning")]
    [InlineData("generation")]
    [InlineData("inference")]
    [InlineData("commit")]
    [InlineData("finalisation")]
    public async Task Resume_AfterSigkill_ExactlyTheRowsAndMetricsOfAnUninterruptedRun(string point)
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { RecordRequests = false });
        server.Reply = Reply;
        server.Faults.Policy = _ => Fault.Slow(TimeSpan.FromMilliseconds(point == "finalisation" ? 5 : 40));

        // The kill is timed by polling the output folder; on a loaded machine a poll can come too late for the short
        // window it aims at (finalisation of a small run takes a fraction of a second). Such a try says nothing about
        // resuming, so it is made again in a fresh folder, at most three times, and the last miss fails the test.
        CliHarness? cli = null;
        string[] args = [];
        string runDir = "", missed = "";
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            cli?.Dispose();
            cli = new CliHarness();
            (args, runDir, missed) = await KillAtAsync(point, cli, server);
            if (missed.Length == 0)
            {
                break;
            }
        }

        using var _ = cli;
        Assert.True(missed.Length == 0, missed);
        var outDir = Path.Combine(cli!.WorkingDirectory, "out");

        using var again = new CliHarness(cli.WorkingDirectory);
        var (code, output) = await again.RunAsync([.. args, "--resume"]);

        Assert.True(code == ExitCodes.Ok, output);
        Assert.Contains($"run {Path.GetFileName(runDir)} (attempt 2)", output);
        Assert.Equal(runDir, RunOutputs.SingleRunDir(outDir));
        var expected = await UninterruptedAsync();
        Assert.Equal(expected.Responses, await ResponseRowsAsync(runDir));
        Assert.Equal(expected.Judgments, await JudgmentRowsAsync(runDir));
        Assert.Equal(expected.Metrics, RunOutputs.Comparable(await RunOutputs.MetricsAsync(runDir)));
        Assert.Equal(RunStatuses.Complete, (await RunCardFactory.ReadAsync(runDir, CancellationToken.None))!.Status);
    }

    /// <summary>Starts a run, kills it at <paramref name="point"/>; the message is empty when the kill landed there.</summary>
    private static async Task<(string[] Args, string RunDir, string Missed)> KillAtAsync(string point, CliHarness cli, LoopbackModelServer server)
    {
        var before = server.TotalRequests; // requests of an earlier try in this test
        var file = cli.Write("kill.yaml", RunCommandLoopbackTests.Pipeline(server.BaseUrl, timeout: "10s", t1: 60, p6: 120));
        var outDir = Path.Combine(cli.WorkingDirectory, "out");
        string[] args = ["run", file, "--out", "out", "--commit-every", point == "commit" ? "1" : "10"];

        string atKill;
        using (var process = ResumeAfterKillTests.StartCli(cli.WorkingDirectory, args))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            await Task.Run(async () =>
            {
                while (!Reached(point, outDir, server.TotalRequests - before) && !process.HasExited && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(5);
                }
            });
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            atKill = $"requests {server.TotalRequests - before}, committed rows {CommittedResponseRows(outDir)}, exited {process.ExitCode}";
        }

        var runDir = RunOutputs.SingleRunDir(outDir);
        var card = await RunCardFactory.ReadAsync(runDir, CancellationToken.None);
        if (card is null || card.Status == RunStatuses.Complete)
        {
            return (args, runDir, "the kill came after the run had finished: " + atKill);
        }

        var committed = CommittedResponseRows(outDir);
        var missed = point switch
        {
            "generation" when committed != 0 => "the kill came after the first commit: ",
            "finalisation" when committed != Rows || File.Exists(Path.Combine(runDir, "metrics.parquet")) => "the kill missed finalisation: ",
            "inference" or "commit" when committed is <= 0 or >= Rows => "the kill missed the middle of the run: ",
            _ => "",
        };
        return (args, runDir, missed.Length == 0 ? "" : missed + atKill);
    }

    private static bool Reached(string point, string outDir, long requests) => point switch
    {
        "generation" => Directory.Exists(Path.Combine(outDir, "runs"))
            && Directory.EnumerateFiles(Path.Combine(outDir, "runs"), RunCardFactory.CardFileName, SearchOption.AllDirectories).Any(),
        "inference" => requests >= 60 && ResumeAfterKillTests.CommitMarkers(outDir) >= 2,
        "commit" => requests >= 60 && ResumeAfterKillTests.CommitMarkers(outDir) >= 3,
        _ => CommittedResponseRows(outDir) == Rows,
    };

    /// <summary>The response rows the commit markers list (what a resumed run keeps).</summary>
    private static long CommittedResponseRows(string outDir)
    {
        var runs = Path.Combine(outDir, "runs");
        if (!Directory.Exists(runs))
        {
            return 0;
        }

        var rows = 0L;
        foreach (var marker in Directory.EnumerateFiles(runs, "*.json", SearchOption.AllDirectories).Where(p => p.Contains("_commits", StringComparison.Ordinal)))
        {
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllBytes(marker));
                rows += json.RootElement.GetProperty("parts").EnumerateArray()
                    .Where(p => p.GetProperty("table").GetString() == "responses")
                    .Sum(p => p.GetProperty("rows").GetInt64());
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                // Renamed away or not there yet: the next poll sees it.
            }
        }

        return rows;
    }

    private static async Task<(List<string> Responses, List<string> Judgments, List<string> Metrics)> UninterruptedAsync()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { RecordRequests = false });
        server.Reply = Reply;
        using var cli = new CliHarness();
        var file = cli.Write("kill.yaml", RunCommandLoopbackTests.Pipeline(server.BaseUrl, timeout: "10s", t1: 60, p6: 120));
        var (code, output) = await cli.RunAsync("run", file, "--out", "out");
        Assert.True(code == ExitCodes.Ok, output);
        var runDir = RunOutputs.SingleRunDir(Path.Combine(cli.WorkingDirectory, "out"));
        return (await ResponseRowsAsync(runDir), await JudgmentRowsAsync(runDir), RunOutputs.Comparable(await RunOutputs.MetricsAsync(runDir)));
    }

    private static async Task<List<string>> ResponseRowsAsync(string runDir) =>
        [.. (await RunOutputs.ResponsesAsync(runDir))
            .Select(r => $"{r.SampleId}|{r.VariantId}|{r.ModelId}|{r.TaskId}|{r.RequestHash}|{r.Status}|{r.Text}|{r.FinishReason}|{r.InputTokens}|{r.OutputTokens}")
            .Order(StringComparer.Ordinal)];

    private static async Task<List<string>> JudgmentRowsAsync(string runDir) =>
        [.. (await RunOutputs.JudgmentsAsync(runDir))
            .Select(j => $"{j.SampleId}|{j.VariantId}|{j.ModelId}|{j.Subset}|{j.JudgeId}|{j.JudgeVersion}|{j.Label}|{j.Score}|{j.Status}|{j.Raw}|{j.Expected}")
            .Order(StringComparer.Ordinal)];
}
