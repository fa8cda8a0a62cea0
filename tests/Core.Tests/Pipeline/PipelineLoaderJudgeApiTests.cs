namespace MultiTrust.Core.Tests.Pipeline;

public sealed class PipelineLoaderJudgeApiTests
{
    [Fact]
    public void Load_JudgeApiCompletions_ParsedAndDefaultIsChat()
    {
        using var dir = new TempDirectory();
        dir.WriteFile("judge.txt", "Response: {response}\n");

        var pipeline = LoaderFixture.LoadValid(dir, """
            tasks: [t1-basic]
            models: [baseline:oracle]
            judge_models:
              harmbench: { endpoint: "http://127.0.0.1:8001/v1", model: cls-13b, api: completions }
              llm-x: { endpoint: "http://127.0.0.1:8002/v1", model: judge-7b, template: judge.txt, api: chat }
              moderation: { api_key_env: OPENAI_API_KEY }
            """);

        Assert.Equal("completions", pipeline.JudgeModels[0].Api);
        Assert.Equal("chat", pipeline.JudgeModels[1].Api);
        Assert.Equal("chat", pipeline.JudgeModels[2].Api);
        var config = MultiTrust.Core.Runs.RunCardFactory.ConfigOf(pipeline);
        Assert.Equal("completions", config.JudgeModels![0].Api); // part of the config hash
        Assert.Null(config.JudgeModels[1].Api);                  // chat, the default, keeps older hashes
    }

    [Fact]
    public void Load_JudgeApiUnknownValue_ProblemAtItsLineNamingTheChoices()
    {
        using var dir = new TempDirectory();

        var problem = LoaderFixture.LoadSingleProblem(dir, """
            tasks: [t1-basic]
            models: [baseline:oracle]
            judge_models:
              harmbench:
                endpoint: "http://127.0.0.1:8001/v1"
                model: cls-13b
                api: raw
            """);

        Assert.Contains("judge_models.harmbench.api 'raw'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'chat'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'completions'", problem.Message, StringComparison.Ordinal);
        Assert.Equal(7, problem.Location.Line);
    }

    [Fact]
    public void Load_JudgeApiOnModeration_ProblemSaysItDoesNotApply()
    {
        using var dir = new TempDirectory();

        var problem = LoaderFixture.LoadSingleProblem(dir, """
            tasks: [t1-basic]
            models: [baseline:oracle]
            judge_models:
              moderation: { api_key_env: OPENAI_API_KEY, api: completions }
            """);

        Assert.Contains("judge_models.moderation.api applies only to harmbench, gpt-judge and llm-<name>", problem.Message, StringComparison.Ordinal);
        Assert.Equal(4, problem.Location.Line);
    }
}
