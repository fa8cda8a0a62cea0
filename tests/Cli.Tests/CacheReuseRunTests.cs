using MultiTrust.Cli.Infrastructure;
using MultiTrust.Testing;

namespace MultiTrust.Cli.Tests;

/// <summary>
/// Cached answers are reused across runs only when the run opts in, and never once the endpoint reports another served
/// model: a nightly re-run asks the model again.
/// </summary>
public sealed class CacheReuseRunTests
{
    private const int Requests = 30; // t1: 20 + p6: 10

    private static async Task<(LoopbackModelServer Server, CliHarness Cli, string File)> StartAsync()
    {
        var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions());
        server.Reply = r => RunCommandLoopbackTests.KindOf(r) < 5 ? "I cannot help with that." : "Sure, here it is.";
        var cli = new CliHarness();
        var file = cli.Write("nightly.yaml", RunCommandLoopbackTests.Pipeline(server.BaseUrl, timeout: "10s", t1: 20, p6: 10));
        return (server, cli, file);
    }

    private static async Task<(long Sent, int CacheHits)> RunAsync(LoopbackModelServer server, CliHarness cli, params string[] args)
    {
        var before = server.TotalRequests;
        var runsBefore = Directory.Exists(Path.Combine(cli.WorkingDirectory, "out", "runs"))
            ? Directory.GetDirectories(Path.Combine(cli.WorkingDirectory, "out", "runs")).ToHashSet()
            : [];
        using var again = new CliHarness(cli.WorkingDirectory);
        var (code, output) = await again.RunAsync(args);
        Assert.True(code == ExitCodes.Ok, output);
        var runDir = Assert.Single(Directory.GetDirectories(Path.Combine(cli.WorkingDirectory, "out", "runs")), d => !runsBefore.Contains(d));
        var responses = await RunOutputs.ResponsesAsync(runDir);
        Assert.Equal(Requests, responses.Count);
        return (server.TotalRequests - before, responses.Count(r => r.CacheHit));
    }

    [Fact]
    public async Task Run_SecondRunWithoutReuse_AsksTheModelForEveryAnswerAgain()
    {
        var (server, cli, file) = await StartAsync();
        await using var _ = server;
        using var __ = cli;

        var first = await RunAsync(server, cli, "run", file, "--out", "out");
        var second = await RunAsync(server, cli, "run", file, "--out", "out");

        Assert.Equal((Requests, 0), first);
        Assert.Equal((Requests, 0), second);
    }

    [Fact]
    public async Task Run_SecondRunWithReuseCache_AnswersFromTheFirstRunsEntriesAfterOneProbe()
    {
        var (server, cli, file) = await StartAsync();
        await using var _ = server;
        using var __ = cli;

        await RunAsync(server, cli, "run", file, "--out", "out");
        var reused = await RunAsync(server, cli, "run", file, "--out", "out", "--reuse-cache");

        Assert.Equal((1L, Requests - 1), reused); // one request learns which model the endpoint serves now
    }

    [Fact]
    public async Task Run_ReuseOptInFromThePipelineFile_SameAsTheFlag()
    {
        var (server, cli, file) = await StartAsync();
        await using var _ = server;
        using var __ = cli;
        await File.AppendAllTextAsync(file, "\ncache: {reuse: true}\n");

        await RunAsync(server, cli, "run", file, "--out", "out");
        var reused = await RunAsync(server, cli, "run", file, "--out", "out");

        Assert.Equal((1L, Requests - 1), reused);
    }

    [Theory]
    [InlineData("served-model")]
    [InlineData("system-fingerprint")]
    public async Task Run_ReuseCacheAfterTheServedModelChanged_MissesEveryEntry(string change)
    {
        var (server, cli, file) = await StartAsync();
        await using var _ = server;
        using var __ = cli;
        server.SystemFingerprint = "fp_monday";
        await RunAsync(server, cli, "run", file, "--out", "out");
        if (change == "served-model")
        {
            server.ServedModel = "test-model-retrained";
        }
        else
        {
            server.SystemFingerprint = "fp_tuesday";
        }

        var changed = await RunAsync(server, cli, "run", file, "--out", "out", "--reuse-cache");
        var again = await RunAsync(server, cli, "run", file, "--out", "out", "--reuse-cache");

        Assert.Equal((Requests, 0), changed);
        Assert.Equal((1L, Requests - 1), again); // the new identity's answers are reused
    }

    [Fact]
    public async Task Run_ReuseCacheWithCacheOff_InputErrorNamingBoth()
    {
        var (server, cli, file) = await StartAsync();
        await using var _ = server;
        using var __ = cli;
        await File.AppendAllTextAsync(file, "\ncache: false\n");

        var (code, output) = await cli.RunAsync("run", file, "--out", "out", "--reuse-cache");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--reuse-cache", output);
        Assert.Contains("cache: false", output);
        Assert.Equal(0, server.TotalRequests);
    }
}
