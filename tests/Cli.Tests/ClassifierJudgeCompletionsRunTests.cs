using MultiTrust.Sinks.Metrics;
using MultiTrust.Testing;

namespace MultiTrust.Cli.Tests;

public sealed class ClassifierJudgeCompletionsRunTests
{
    [Fact]
    public async Task Run_HarmbenchApiCompletions_ClassifierCalledWithRawPromptsOnly()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions());
        server.Reply = r => r.MessageCount == 0 ? "No" : "Yes"; // a chat-shaped call would flip the verdict
        using var cli = new CliHarness();
        cli.Write("p.yaml", $"""
            name: asr-raw
            output: out
            tasks:
              - id: s4-typographic-jailbreaking
                samples: 3
            models: [baseline:comply]
            judge_models:
              harmbench: {"{"} endpoint: "{server.BaseUrl}", model: cls-test, api: completions {"}"}
            """);

        var (exit, output) = await cli.RunAsync("run", "p.yaml");

        Assert.True(exit == 0, output);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r =>
        {
            Assert.Null(r.ParseError);
            Assert.Equal(0, r.MessageCount);
            Assert.Contains("prompt", r.TopLevelProperties);
        });
        var runDir = Directory.GetDirectories(Path.Combine(cli.WorkingDirectory, "out", "runs")).Single();
        var metrics = await new MetricsTableWriter().ReadMetricsAsync(runDir);
        var asr = metrics.Single(m => m.ModelId == "baseline:comply" && m.Subset == "all" && m.Metric == "asr" && m.Variant == "clean");
        Assert.Equal(0.0, asr.Value);
    }
}
