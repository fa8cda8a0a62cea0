using System.Text.Json.Nodes;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Testing;

namespace MultiTrust.Cli.Tests;

/// <summary><c>--judge-model ID=SPEC</c> on run, validate and judge.</summary>
public sealed class JudgeModelOptionTests
{
    private const string S4Pipeline = """
        name: s4
        output: out
        tasks:
          - id: s4-typographic-jailbreaking
            samples: 3
        models: [baseline:comply]
        """;

    [Fact]
    public async Task Run_HarmbenchOnlyOnCommandLine_ClassifierCalledWithThatModel()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { ReferenceJudge = true });
        using var cli = new CliHarness();
        cli.Write("p.yaml", S4Pipeline);

        var (exit, output) = await cli.RunAsync("run", "p.yaml", "--judge-model", $"harmbench=openai-compatible:{server.BaseUrl}:cls-cli");

        Assert.True(exit == ExitCodes.Ok, output);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("cls-cli", r.Model));
    }

    [Fact]
    public async Task Run_JudgeModelOverFileEntry_ReplacesEndpointAndModel()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { ReferenceJudge = true });
        using var cli = new CliHarness();
        cli.Write("p.yaml", S4Pipeline + """

            judge_models:
              harmbench: { endpoint: "http://127.0.0.1:9/v1", model: file-model }
            """);

        var (exit, output) = await cli.RunAsync("run", "p.yaml", "--judge-model", $"harmbench={server.BaseUrl}:cli-model");

        Assert.True(exit == ExitCodes.Ok, output);
        Assert.All(server.Requests, r => Assert.Equal("cli-model", r.Model));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Run_JudgesListNamesJudgeGivenOnCommandLine_NoEntryNeededInFile()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { ReferenceJudge = true });
        using var cli = new CliHarness();
        cli.Write("p.yaml", S4Pipeline + "\njudges: [refusal, harmbench]\n");

        var (exit, output) = await cli.RunAsync("run", "p.yaml", "--judge-model", $"harmbench={server.BaseUrl}:cls");

        Assert.True(exit == ExitCodes.Ok, output);
        Assert.Equal(3, server.Requests.Count);
    }

    [Theory]
    [InlineData("gpt4=http://h/v1:m", "--judge-model gpt4=http://h/v1:m: unknown judge model 'gpt4'")]
    [InlineData("gpt-judge=http://h:8000/v1", "has no model")]
    [InlineData("gpt-judge=ftp://h/v1:m", "unknown provider 'ftp'")]
    [InlineData("gpt-judge", "is not ID=SPEC")]
    public async Task Validate_BadJudgeModel_InvalidInputNamingTheProblem(string argument, string message)
    {
        using var cli = new CliHarness();
        cli.Write("p.yaml", S4Pipeline);

        var (exit, output) = await cli.RunAsync("validate", "p.yaml", "--judge-model", argument);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SameIdTwice_InvalidInput()
    {
        using var cli = new CliHarness();
        cli.Write("p.yaml", S4Pipeline);

        var (exit, output) = await cli.RunAsync(
            "validate", "p.yaml", "--judge-model", "harmbench=http://a/v1:m", "--judge-model", "harmbench=http://b/v1:m");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("--judge-model harmbench=... is given twice", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_StarSpec_CreatesGptJudgeAndKeepsClassifiers()
    {
        using var cli = new CliHarness();
        cli.Write("p.yaml", S4Pipeline + """

            judge_models:
              harmbench: { endpoint: "http://127.0.0.1:9/v1", model: cls }
            """);

        var (exit, output) = await cli.RunAsync("validate", "p.yaml", "--judge-model", "*=openai-compatible:http://127.0.0.1:9/v1:judge");

        Assert.True(exit == ExitCodes.Ok, output);
        Assert.Contains("1 task(s), 1 model(s), 2 judge model(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judge_StarSpec_ReplacesTheFilesLlmJudgeEndpointAndModel()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Reply = _ => "[Yes]";
        using var cli = new CliHarness();
        cli.Write("t.txt", "Is {response} the same as {target}? Answer [Yes] or [No].");
        cli.Write("p.yaml", """
            tasks: [t1-basic]
            models: [baseline:oracle]
            judge_models:
              llm-same: { endpoint: "http://127.0.0.1:9/v1", model: file-model, template: t.txt }
            """);
        cli.Write("in.jsonl", """{"response": "Paris", "target": "Paris"}""");

        var (exit, output) = await cli.RunAsync(
            "judge", "--judge", "llm-same", "--input", "in.jsonl", "--pipeline", "p.yaml",
            "--judge-model", $"*=openai-compatible:{server.BaseUrl}:cli-judge");

        Assert.True(exit == ExitCodes.Ok, output);
        var request = Assert.Single(server.Requests);
        Assert.Equal("cli-judge", request.Model);
        Assert.Equal("Is Paris the same as Paris? Answer [Yes] or [No].", request.LastUserText);
        var record = JsonNode.Parse(File.ReadAllLines(Path.Combine(cli.WorkingDirectory, "in.judged.jsonl")).Single())!;
        Assert.Equal("yes", (string)record["label"]!);
    }

    [Fact]
    public async Task Judge_LongformerOnCommandLine_TopLabelPerRecord()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var cli = new CliHarness();
        cli.Write("in.jsonl", """
            {"response": "I'm sorry, I cannot share that."}
            {"response": "Her email is a@b.c"}
            """);

        var (exit, output) = await cli.RunAsync(
            "judge", "--judge", "longformer", "--input", "in.jsonl", "--judge-model", $"longformer={server.LongformerUrl}:LibrAI/longformer-action-ro");

        Assert.True(exit == ExitCodes.Ok, output);
        var records = File.ReadAllLines(Path.Combine(cli.WorkingDirectory, "in.judged.jsonl")).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["LABEL_0", "LABEL_5"], records.Select(r => (string)r["label"]!));
        Assert.StartsWith("longformer/LibrAI/longformer-action-ro", (string)records[0]["judge_version"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judge_GptJudgeWithoutTemplate_FailsNamingTheTemplateSetting()
    {
        using var cli = new CliHarness();
        cli.Write("in.jsonl", """{"response": "x"}""");

        var (exit, output) = await cli.RunAsync(
            "judge", "--judge", "gpt-judge", "--input", "in.jsonl", "--judge-model", "gpt-judge=http://127.0.0.1:9/v1:m");

        Assert.NotEqual(ExitCodes.Ok, exit);
        Assert.Contains("judge_models.gpt-judge.template", output, StringComparison.Ordinal);
    }
}
