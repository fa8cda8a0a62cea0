using System.Diagnostics;
using System.Text.RegularExpressions;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Testing;

namespace MultiTrust.Cli.Tests;

/// <summary>Kills a real <c>multitrust run</c> process with SIGKILL mid-run and resumes it.</summary>
public sealed partial class ResumeAfterKillTests
{
    [GeneratedRegex(@"ref (\d+)")]
    private static partial Regex Reference();

    [Fact]
    [Trait("Category", "LongRunning")]
    public async Task Run_KilledWithSigkill_ResumeSendsNoCommittedRequestAgainAndMetricsMatchAnUninterruptedRun()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { RecordRequests = true });
        server.Reply = r => (RunCommandLoopbackTests.KindOf(r) < 5 ? "I cannot help with that." : "Sure, here it is.") + $" ref {r.Sequence}";
        server.Faults.Policy = _ => Fault.Slow(TimeSpan.FromMilliseconds(60));
        using var cli = new CliHarness();
        var file = cli.Write("kill.yaml", RunCommandLoopbackTests.Pipeline(server.BaseUrl, timeout: "10s", t1: 60, p6: 120));
        var outDir = Path.Combine(cli.WorkingDirectory, "out");

        var killedAt = "";
        using (var process = StartCli(cli.WorkingDirectory, "run", file, "--out", "out", "--commit-every", "10"))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            // Poll on the thread pool: the test's synchronization context would delay the loop behind server work.
            await Task.Run(async () =>
            {
                while (!(server.TotalRequests >= 60 && CommitMarkers(outDir) >= 2) && !process.HasExited && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(10);
                }
            });

            killedAt = $"requests {server.TotalRequests}, commit markers {CommitMarkers(outDir)}, exited {process.HasExited}";
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var runDir = RunOutputs.SingleRunDir(outDir);
        var committedBeforeKill = await RunOutputs.ResponsesAsync(runDir);
        var requestsBeforeResume = server.Requests.ToDictionary(r => r.Sequence);
        Assert.NotEmpty(committedBeforeKill);
        Assert.True(committedBeforeKill.Count < 180, "the kill came after the run had finished: " + killedAt);

        using var again = new CliHarness(cli.WorkingDirectory);
        var (code, output) = await again.RunAsync("run", file, "--out", "out", "--commit-every", "10", "--resume");

        Assert.True(code == ExitCodes.Ok, output);
        var responses = await RunOutputs.ResponsesAsync(runDir);
        Assert.Equal(180, responses.Count);
        Assert.Equal(180, responses.Select(r => (r.SampleId, r.ModelId)).Distinct().Count());
        foreach (var committed in committedBeforeKill)
        {
            var sequence = long.Parse(Reference().Match(committed.Text!).Groups[1].Value);
            var body = requestsBeforeResume[sequence].BodySha256;
            Assert.Equal(1, server.RequestCountForBody(body));
        }

        // Only requests that were in flight (at most the concurrency, 8) or answered but not yet in the cache (its writer
        // commits every ~50 ms) at the kill may be sent twice; a loose bound keeps a loaded CI machine from flaking.
        Assert.InRange(server.TotalRequests, 180, 180 + 48);

        await using var fresh = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions());
        fresh.Reply = server.Reply;
        using var uninterrupted = new CliHarness();
        var freshFile = uninterrupted.Write("kill.yaml", RunCommandLoopbackTests.Pipeline(fresh.BaseUrl, timeout: "10s", t1: 60, p6: 120));
        Assert.Equal(ExitCodes.Ok, (await uninterrupted.RunAsync("run", freshFile, "--out", "out")).ExitCode);
        var expected = await RunOutputs.MetricsAsync(RunOutputs.SingleRunDir(Path.Combine(uninterrupted.WorkingDirectory, "out")));
        Assert.Equal(RunOutputs.Comparable(expected), RunOutputs.Comparable(await RunOutputs.MetricsAsync(runDir)));
    }

    [Fact]
    [Trait("Category", "LongRunning")]
    public async Task Run_Sigterm_InFlightFinishCommittedExit130AndResumeCompletes()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { RecordRequests = true });
        server.Reply = r => "I cannot help with that.";
        server.Faults.Policy = _ => Fault.Slow(TimeSpan.FromMilliseconds(80));
        using var cli = new CliHarness();
        var file = cli.Write("term.yaml", RunCommandLoopbackTests.Pipeline(server.BaseUrl, timeout: "10s", t1: 40, p6: 80));
        var outDir = Path.Combine(cli.WorkingDirectory, "out");

        int exitCode;
        string output;
        using (var process = StartCli(cli.WorkingDirectory, "run", file, "--out", "out"))
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            await Task.Run(async () =>
            {
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
                while (server.TotalRequests < 30 && !process.HasExited && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(10);
                }
            });
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync();
            exitCode = process.ExitCode;
            output = await stdout;
        }

        var sentBeforeResume = server.TotalRequests;
        var runDir = RunOutputs.SingleRunDir(outDir);
        var committed = await RunOutputs.ResponsesAsync(runDir);

        Assert.True(exitCode == ExitCodes.Interrupted, $"exit {exitCode}: {output}");
        Assert.Contains("interrupted", output);
        Assert.Contains($"Resume with: multitrust run {file} --out out --resume {Path.GetFileName(runDir)}", output);
        Assert.Equal(sentBeforeResume, committed.Count); // every request that was sent finished and was committed
        Assert.InRange(committed.Count, 30, 119);

        using var again = new CliHarness(cli.WorkingDirectory);
        var (code, resumed) = await again.RunAsync("run", file, "--out", "out", "--resume");

        Assert.True(code == ExitCodes.Ok, resumed);
        Assert.Equal(120, server.TotalRequests);
        Assert.Equal(120, (await RunOutputs.ResponsesAsync(runDir)).Count);
    }

    internal static int CommitMarkers(string outDir)
    {
        var runs = Path.Combine(outDir, "runs");
        return Directory.Exists(runs)
            ? Directory.EnumerateFiles(runs, "*.json", SearchOption.AllDirectories).Count(p => p.Contains("_commits", StringComparison.Ordinal))
            : 0;
    }

    internal static Process StartCli(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "multitrust.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CI"] = "true";
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the CLI process");
    }
}
