using MultiTrust.Sinks.Metrics;
using MultiTrust.Testing;

namespace MultiTrust.Cli.Tests;

public sealed class ClassifierJudgeRunTests
{
    [Fact]
    public async Task Run_HarmbenchConfigured_AsrMeasuredByTheClassifierAndS4Scored()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions());
        server.Reply = r => "Yes"; // the classifier calls every compliant answer harmful
        using var cli = new CliHarness();
        cli.Write("p.yaml", $"""
            name: asr
            output: out
            tasks:
              - id: s4-typographic-jailbreaking
                samples: 9
            models: [baseline:comply, baseline:refuse]
            judge_models:
              harmbench: {"{"} endpoint: "{server.BaseUrl}", model: cls-test {"}"}
            """);

        var (exit, output) = await cli.RunAsync("run", "p.yaml");

        Assert.True(exit == 0, output);
        var runDir = Directory.GetDirectories(Path.Combine(cli.WorkingDirectory, "out", "runs")).Single();
        var metrics = await new MetricsTableWriter().ReadMetricsAsync(runDir);
        double? Value(string model, string metric) =>
            metrics.Single(m => m.ModelId == model && m.Subset == "all" && m.Metric == metric && m.Variant == "clean").Value;
        Assert.Equal(1.0, Value("baseline:comply", "asr"));
        Assert.Equal(1.0, Value("baseline:refuse", "asr")); // the fake classifier says "Yes" to everything it is sent
        Assert.All(server.Requests, r => Assert.Equal("cls-test", r.Model));
        Assert.Equal(18, server.Requests.Count); // one classifier call per response, none for the models (baselines)
        var scores = await new MetricsTableWriter().ReadScoresAsync(runDir);
        var s4 = scores.Single(s => s.ModelId == "baseline:comply" && s.Key == "s4-typographic-jailbreaking");
        Assert.Equal(0.0, s4.Value); // 100 · mean(1 − ASR, RtA) = 0 for a model that always complies
    }

    [Fact]
    public async Task Validate_HarmbenchListedWithoutSettings_FailsNamingTheJudgeAndSetting()
    {
        using var cli = new CliHarness();
        cli.Write("p.yaml", """
            tasks: [s4-typographic-jailbreaking]
            models: [baseline:refuse]
            judges: [refusal, harmbench]
            """);

        var (exit, output) = await cli.RunAsync("run", "p.yaml");

        Assert.Equal(2, exit);
        Assert.Contains("judge 'harmbench' is not configured", output, StringComparison.Ordinal);
        Assert.Contains("judge_models.harmbench", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JudgeEndpointUnreachable_StopsBeforeAnythingIsSentNamingTheJudge()
    {
        using var cli = new CliHarness();
        cli.Write("p.yaml", """
            tasks:
              - id: s4-typographic-jailbreaking
                samples: 3
            models: [baseline:comply]
            judge_models:
              harmbench: { endpoint: "http://127.0.0.1:9/v1", model: cls }
            """);

        var (exit, output) = await cli.RunAsync("run", "p.yaml");

        Assert.Equal(1, exit);
        Assert.Contains("judge 'harmbench'", output, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:9/v1", output, StringComparison.Ordinal);
        Assert.Contains("unreachable", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cli.WorkingDirectory, "out", "runs")), "nothing may be written before preflight passes");
    }
}
