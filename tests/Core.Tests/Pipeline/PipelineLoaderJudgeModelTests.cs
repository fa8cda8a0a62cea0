namespace MultiTrust.Core.Tests.Pipeline;

public sealed class PipelineLoaderJudgeModelTests
{
    [Fact]
    public void Load_ClassifierJudgeListedWithoutSettings_FailsNamingTheJudgeAndTheSetting()
    {
        using var dir = new TempDirectory();

        var problem = LoaderFixture.LoadSingleProblem(dir, """
            tasks: [s4-typographic-jailbreaking]
            models: [baseline:refuse]
            judges: [refusal, harmbench]
            """);

        Assert.Contains("judge 'harmbench' is not configured", problem.Message, StringComparison.Ordinal);
        Assert.Contains("judge_models.harmbench", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'endpoint' and 'model'", problem.Message, StringComparison.Ordinal);
        Assert.Equal(3, problem.Location.Line);
    }

    [Fact]
    public void Load_JudgeModels_ParsedWithDefaultsAndTemplateResolvedBesideTheFile()
    {
        using var dir = new TempDirectory();
        dir.WriteFile("judge.txt", "Response: {response}\nTruth: {target}\n");

        var pipeline = LoaderFixture.LoadValid(dir, """
            tasks: [t1-basic]
            models: [baseline:oracle]
            judges: [yesno, harmbench, moderation, llm-consistency]
            judge_models:
              harmbench: { endpoint: "http://127.0.0.1:8001/v1", model: cls-13b, concurrency: 4 }
              moderation: { api_key_env: OPENAI_API_KEY }
              llm-consistency: { endpoint: "http://127.0.0.1:8002/v1", model: judge-7b, template: judge.txt, timeout: 30s }
            """);

        Assert.Equal(["harmbench", "moderation", "llm-consistency"], pipeline.JudgeModels.Select(j => j.Id));
        Assert.Equal(4, pipeline.JudgeModels[0].Concurrency);
        Assert.Equal("https://api.openai.com/v1", pipeline.JudgeModels[1].Endpoint);
        Assert.Equal(Path.Combine(dir.Path, "judge.txt"), pipeline.JudgeModels[2].Template);
        Assert.Equal(TimeSpan.FromSeconds(30), pipeline.JudgeModels[2].Timeout);
        var config = MultiTrust.Core.Runs.RunCardFactory.ConfigOf(pipeline);
        Assert.Equal(64, config.JudgeModels![2].TemplateSha256!.Length);
    }

    [Theory]
    [InlineData("sparkle: { endpoint: \"http://x/v1\" }", "unknown judge model 'sparkle'")]
    [InlineData("harmbench: { model: m }", "judge_models.harmbench needs 'endpoint'")]
    [InlineData("llm-x: { endpoint: \"http://x/v1\", model: m, template: missing.txt }", "template: file not found")]
    [InlineData("perspective: { api_key_env: sk-123abc }", "NAME of an environment variable")]
    public void Load_BadJudgeModel_ProblemNamesTheSetting(string entry, string expected)
    {
        using var dir = new TempDirectory();

        var result = LoaderFixture.Load(dir, $"""
            tasks: [t1-basic]
            models: [baseline:oracle]
            judge_models:
              {entry}
            """);

        Assert.Contains(result.Problems, p => p.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_JudgeModelRetriesAndTotalTimeout_ParsedWithDefaultsWhenAbsent()
    {
        using var dir = new TempDirectory();

        var pipeline = LoaderFixture.LoadValid(dir, """
            tasks: [s4-typographic-jailbreaking]
            models: [baseline:refuse]
            judges: [harmbench, moderation]
            judge_models:
              harmbench: { endpoint: "http://127.0.0.1:8001/v1", model: cls, timeout: 20s, retries: 6, total_timeout: 5m }
              moderation: { api_key_env: OPENAI_API_KEY }
            """);

        Assert.Equal(6, pipeline.JudgeModels[0].MaxRetries);
        Assert.Equal(TimeSpan.FromMinutes(5), pipeline.JudgeModels[0].TotalTimeout);
        Assert.Equal(3, pipeline.JudgeModels[1].MaxRetries);
        Assert.Null(pipeline.JudgeModels[1].TotalTimeout);
    }

    [Fact]
    public void Load_JudgeModelEndpointWithPasswordInvalid_ProblemDoesNotPrintThePassword()
    {
        using var dir = new TempDirectory();

        var problem = LoaderFixture.LoadSingleProblem(dir, """
            tasks: [s4-typographic-jailbreaking]
            models: [baseline:refuse]
            judges: [harmbench]
            judge_models:
              harmbench: { endpoint: "ftp://alice:s3cret@host/v1", model: cls }
            """);

        Assert.Contains("ftp://host/v1", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", problem.Message, StringComparison.Ordinal);
    }
}
