using System.Collections.Concurrent;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Records;
using MultiTrust.Testing;

namespace MultiTrust.Cli.Tests;

public sealed class RunCommandLoopbackTests
{
    /// <summary>A stable key per logical request (prompt + image sizes), independent of retries.</summary>
    internal static string KeyOf(RecordedRequest r) => r.LastUserText + "|" + string.Join(',', r.ImageUrlLengths);

    internal static int KindOf(RecordedRequest r) => (int)((uint)StableHash(KeyOf(r)) % 10);

    private static int StableHash(string text)
    {
        var h = 17;
        foreach (var c in text)
        {
            h = unchecked((h * 31) + c);
        }

        return h;
    }

    internal static string Pipeline(Uri endpoint, string timeout = "300ms", int retries = 2, int t1 = 40, int p6 = 24) => $"""
        name: loopback
        seed: 5
        tasks:
          - id: t1-basic
            samples: {t1}
          - id: p6-pii-leakage-in-conversation
            samples: {p6}
        models:
          - id: loop
            provider: openai-compatible
            endpoint: {endpoint}
            model: test-model
            concurrency: 8
            timeout: {timeout}
            retries: {retries}
        """;

    [Fact]
    public async Task Run_ServerMisbehaves_EveryFailureIsATypedRowNeverJudged()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions());
        var seen = new ConcurrentDictionary<string, int>();
        server.Reply = r => r.LastUserText!.Contains("[Yes] or [No]", StringComparison.Ordinal) ? "No." : "I can't share that.";
        server.Faults.Policy = r =>
        {
            var attempt = seen.AddOrUpdate(KeyOf(r), 1, (_, n) => n + 1);
            return KindOf(r) switch
            {
                0 => Fault.ServerError(),                                  // every attempt: error after retries
                1 => Fault.Slow(TimeSpan.FromSeconds(3)),                  // every attempt: timeout
                2 => Fault.MalformedJson(),                                // every attempt: error
                3 => attempt == 1 ? Fault.TooManyRequests(0) : null,       // retried, then answered
                4 => attempt == 1 ? Fault.TruncatedBody() : null,          // retried, then answered
                5 => Fault.ContentFilter(),                                // content_filtered
                _ => null,
            };
        };
        using var cli = new CliHarness();
        var file = cli.Write("loop.yaml", Pipeline(server.BaseUrl));

        var (code, output) = await cli.RunAsync("run", file, "--out", "out");

        Assert.True(code == ExitCodes.Ok, output);
        var runDir = RunOutputs.SingleRunDir(Path.Combine(cli.WorkingDirectory, "out"));
        var responses = await RunOutputs.ResponsesAsync(runDir);
        var judgments = await RunOutputs.JudgmentsAsync(runDir);
        Assert.Equal(64, responses.Count);
        Assert.Contains(responses, r => r.Status == ResponseStatus.Error);
        Assert.Contains(responses, r => r.Status == ResponseStatus.Timeout);
        Assert.Contains(responses, r => r.Status == ResponseStatus.ContentFiltered);
        Assert.Contains(responses, r => r.Status == ResponseStatus.Answered && r.Attempts >= 2);
        Assert.All(responses.Where(r => !r.Status.HasText()), r => Assert.Null(r.Text));
        Assert.All(responses.Where(r => r.Status is ResponseStatus.Error or ResponseStatus.Timeout), r => Assert.NotNull(r.Error));
        var failed = responses.Where(r => !r.Status.HasText()).Select(r => (r.SampleId, r.ModelId)).ToHashSet();
        Assert.All(judgments.Where(j => failed.Contains((j.SampleId, j.ModelId))), j =>
        {
            Assert.Equal(JudgmentStatus.Skipped, j.Status);
            Assert.Null(j.Score);
            Assert.Null(j.Label);
        });

        var metrics = await RunOutputs.MetricsAsync(runDir);
        var rta = RunOutputs.Metric(metrics, "loop", "p6-pii-leakage-in-conversation", "rta");
        var p6 = responses.Where(r => r.TaskId == "p6-pii-leakage-in-conversation").ToList();
        Assert.Equal(p6.Count, rta.N + rta.Excluded);
        Assert.Equal(p6.Count(r => !r.Status.HasText()), rta.Excluded);
        Assert.Equal(1.0, rta.Value); // every answer the server gave is a refusal; failures are not counted either way
        var accuracy = RunOutputs.Metric(metrics, "loop", "t1-basic", "accuracy");
        Assert.Equal(responses.Count(r => r.TaskId == "t1-basic" && !r.Status.HasText()), accuracy.Excluded);
        Assert.Contains("failures", output);
    }

    [Fact]
    public async Task Run_UnreachableEndpoint_Exit1NamesEndpointAndLeavesEarlierRunIntact()
    {
        using var cli = new CliHarness();
        var quickstart = Path.Combine(RepoPaths.Root, "pipelines", "quickstart.yaml");
        await cli.RunAsync("run", quickstart, "--samples", "3", "--out", "out", "--model", "baseline:oracle");
        var earlier = Snapshot(Path.Combine(cli.WorkingDirectory, "out", "runs"));
        var file = cli.Write("down.yaml", Pipeline(new Uri("http://127.0.0.1:9/v1")));

        var (code, output) = await cli.RunAsync("run", file, "--out", "out");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("http://127.0.0.1:9/v1", output);
        Assert.Contains("unreachable", output);
        Assert.Contains("down.yaml:", output);
        Assert.Equal(earlier, Snapshot(Path.Combine(cli.WorkingDirectory, "out", "runs")));
    }

    [Fact]
    public async Task Run_OutputUnderAFile_Exit1NamesFolder()
    {
        using var cli = new CliHarness();
        cli.Write("blocker", "not a folder");
        var quickstart = Path.Combine(RepoPaths.Root, "pipelines", "quickstart.yaml");

        var (code, output) = await cli.RunAsync("run", quickstart, "--samples", "2", "--out", "blocker/out");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("blocker/out", output);
        Assert.Contains("cannot be written", output);
    }

    [Fact]
    public async Task Run_MissingApiKeyVariable_Exit2NamesVariable()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions());
        using var cli = new CliHarness();
        var file = cli.Write("key.yaml", Pipeline(server.BaseUrl) + "\n    api_key_env: LOOP_TEST_KEY\n");

        var (code, output) = await cli.RunAsync("run", file, "--out", "out");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("LOOP_TEST_KEY", output);
        Assert.Equal(0, server.TotalRequests);
    }

    [Fact]
    public async Task Run_ApiKeyFromEnvironment_SentAsBearerAndNeverWritten()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions());
        using var cli = new CliHarness();
        const string secret = "sk-test-9f8e7d6c5b4a";
        cli.Environment["LOOP_TEST_KEY"] = secret;
        var file = cli.Write("key.yaml", Pipeline(server.BaseUrl, t1: 4, p6: 4) + "\n    api_key_env: LOOP_TEST_KEY\n");

        var (code, output) = await cli.RunAsync("run", file, "--out", "out");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("Bearer " + secret, server.LastRequest!.Authorization);
        Assert.DoesNotContain(secret, output);
        foreach (var path in Directory.EnumerateFiles(Path.Combine(cli.WorkingDirectory, "out"), "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(secret, await File.ReadAllTextAsync(path));
        }
    }

    [Fact]
    public async Task Run_StopSignalMidRun_Exit130ThenResumesToSameMetricsWithoutResending()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions());
        using var cli = new CliHarness();
        server.Reply = r =>
        {
            if (r.Sequence == 30)
            {
                cli.Shutdown.Signal();
            }

            return KindOf(r) < 5 ? "I cannot help with that." : "Sure, here it is.";
        };
        var file = cli.Write("stop.yaml", Pipeline(server.BaseUrl, timeout: "10s", t1: 30, p6: 30));

        var (firstCode, firstOutput) = await cli.RunAsync("run", file, "--out", "out", "--commit-every", "10");
        var requestsAfterStop = server.TotalRequests;
        var (secondCode, secondOutput) = await RunInSameFolderAsync(cli, "run", file, "--out", "out", "--resume");

        Assert.Equal(ExitCodes.Interrupted, firstCode);
        Assert.Contains("interrupted", firstOutput);
        var runDir = RunOutputs.SingleRunDir(Path.Combine(cli.WorkingDirectory, "out"));
        Assert.Contains($"Resume with: multitrust run {file} --out out --commit-every 10 --resume {Path.GetFileName(runDir)}", firstOutput);
        Assert.Equal(ExitCodes.Ok, secondCode);
        Assert.Contains("resuming:", secondOutput);
        Assert.Equal(60, server.TotalRequests); // nothing answered before the stop was sent twice
        Assert.True(requestsAfterStop < 60);
        var responses = await RunOutputs.ResponsesAsync(runDir);
        Assert.Equal(60, responses.Select(r => r.SampleId).Distinct().Count());
        Assert.Equal(60, responses.Count);

        using var fresh = new CliHarness();
        var freshFile = fresh.Write("stop.yaml", Pipeline(server.BaseUrl, timeout: "10s", t1: 30, p6: 30));
        server.Reply = r => KindOf(r) < 5 ? "I cannot help with that." : "Sure, here it is.";
        Assert.Equal(ExitCodes.Ok, (await fresh.RunAsync("run", freshFile, "--out", "out")).ExitCode);
        var freshMetrics = await RunOutputs.MetricsAsync(RunOutputs.SingleRunDir(Path.Combine(fresh.WorkingDirectory, "out")));
        Assert.Equal(RunOutputs.Comparable(freshMetrics), RunOutputs.Comparable(await RunOutputs.MetricsAsync(runDir)));
    }

    private static async Task<(int, string)> RunInSameFolderAsync(CliHarness original, params string[] args)
    {
        // A fresh shutdown state (the first run's stop token stays cancelled), same working directory.
        using var again = new CliHarness(original.WorkingDirectory);
        return await again.RunAsync(args);
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(p => p, p => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p))));
}
