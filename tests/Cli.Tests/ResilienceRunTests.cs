using System.Text.Json.Nodes;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Testing;

namespace MultiTrust.Cli.Tests;

/// <summary>Model-backed judges go through the same resilience pipeline as the models under test; endpoints print redacted.</summary>
public sealed class ResilienceRunTests
{
    [Fact]
    public async Task Run_UnreachableEndpointWithPassword_MessageNamesItWithoutThePassword()
    {
        using var cli = new CliHarness();
        var file = cli.Write("down.yaml", RunCommandLoopbackTests.Pipeline(new Uri("http://alice:s3cret-pass@127.0.0.1:9/v1")));

        var (code, output) = await cli.RunAsync("run", file, "--out", "out");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("The endpoint http://127.0.0.1:9/v1 of model 'loop'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", output, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judge_LlmJudgeAttemptHangsPastItsTimeout_RetriedWithinTheCallAndVerdictKept()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Reply = _ => "[Yes]";
        server.Faults.Enqueue(Fault.Hang());
        using var cli = new CliHarness();
        cli.Write("t.txt", "Is {response} the same as {target}? Answer [Yes] or [No].");
        cli.Write("p.yaml", $$"""
            tasks: [t1-basic]
            models: [baseline:oracle]
            judge_models:
              llm-same: { endpoint: "{{server.BaseUrl}}", model: judge-7b, template: t.txt, timeout: 1s }
            """);
        cli.Write("in.jsonl", """{"response": "Paris", "target": "Paris"}""");

        var (exit, output) = await cli.RunAsync("judge", "--judge", "llm-same", "--input", "in.jsonl", "--pipeline", "p.yaml");

        Assert.True(exit == ExitCodes.Ok, output);
        Assert.Equal(2, server.TotalRequests); // the hung attempt, cut after 1 s, then the retry
        var record = JsonNode.Parse(File.ReadAllLines(Path.Combine(cli.WorkingDirectory, "in.judged.jsonl")).Single())!;
        Assert.Equal("yes", (string)record["label"]!);
    }
}
