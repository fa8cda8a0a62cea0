using MultiTrust.Core.Pipeline;

namespace MultiTrust.Core.Tests.Pipeline;

public sealed class PipelineLoaderProblemTests : IDisposable
{
    private const string ValidModels = "models: [baseline:oracle]\n";
    private const string ValidTasks = "tasks: [t1-basic]\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_ManyProblems_ReportsAllAtOnceWithLocations()
    {
        var result = LoaderFixture.Load(_dir, """
            name: bad
            colour: blue
            tasks:
              - t1-basic
              - t9-unknown
              - t1-basic
            models:
              - provider: anthropic
              - provider: acme
              - provider: openai-compatible
              - provider: openai-compatible
                endpoint: ftp://host/v1
                model: m1
                concurrency: 0
                retries: 101
                timeout: soon
                api_key_env: sk-live-abc123
                generation:
                  temperature: 3
                  top_p: 1.5
              - baseline:oracle
              - baseline:oracle
            judges:
              - refusal
              - gpt4-judge
            """);

        Assert.Null(result.Definition);
        Assert.False(result.IsValid);
        var actual = result.Problems.Select(p => (p.Location.Line, p.Location.Column)).ToArray();
        (int, int)[] expected =
        [
            (2, 1), (5, 5), (6, 5), (8, 5), (8, 5), (9, 15), (10, 5), (10, 5), (11, 5), (12, 15), (14, 18), (16, 14), (15, 14),
            (17, 18), (19, 20), (20, 14), (22, 5), (25, 5),
        ];
        Assert.Equal(expected.Order(), actual.Order());
        Assert.All(result.Problems, p => Assert.Equal(_dir.Combine("pipeline.yaml"), p.Location.File));
    }

    [Theory]
    [InlineData("colour: blue\n" + ValidTasks + ValidModels, 1, 1, "unknown key 'colour' in the pipeline")]
    [InlineData("tasks: [t1-basic, t9-unknown]\n" + ValidModels, 1, 19, "unknown task 't9-unknown'")]
    [InlineData("tasks:\n  - t1-basic\n  - id: t1-basic\n    samples: 2\n" + ValidModels, 3, 5, "task 't1-basic' is listed twice")]
    [InlineData("tasks:\n  - id: t1-basic\n    samples: 0\n" + ValidModels, 3, 14, "'samples' in a task entry must be a whole number")]
    [InlineData("tasks:\n  - id: t1-basic\n    weight: 2\n" + ValidModels, 3, 5, "unknown key 'weight' in a task entry")]
    [InlineData("tasks:\n  - samples: 2\n" + ValidModels, 2, 5, "a task entry needs an 'id'")]
    [InlineData("tasks: []\n" + ValidModels, 1, 8, "'tasks' must be a non-empty list")]
    [InlineData("tasks: t1-basic\n" + ValidModels, 1, 8, "'tasks' must be a non-empty list")]
    [InlineData("name: x\n" + ValidModels, 1, 1, "'tasks' must be a non-empty list")]
    [InlineData("samples: 0\n" + ValidTasks + ValidModels, 1, 10, "'samples' in the pipeline must be a whole number between 1 and 100000000, not '0'")]
    [InlineData("seed: 1.5\n" + ValidTasks + ValidModels, 1, 7, "'seed' in the pipeline must be a whole number")]
    [InlineData("cache: yes\n" + ValidTasks + ValidModels, 1, 8, "'cache' in the pipeline must be true or false, not 'yes'")]
    [InlineData("cache: {reuse: often}\n" + ValidTasks + ValidModels, 1, 16, "'reuse' in 'cache' must be true or false, not 'often'")]
    [InlineData("cache: {share: true}\n" + ValidTasks + ValidModels, 1, 9, "unknown key 'share' in 'cache'; expected one of: enabled, reuse")]
    [InlineData("cache: {enabled: false, reuse: true}\n" + ValidTasks + ValidModels, 1, 8, "'cache' cannot have reuse: true with enabled: false")]
    [InlineData("name: [a, b]\n" + ValidTasks + ValidModels, 1, 7, "'name' in the pipeline must be a single value")]
    [InlineData("run_id: ../escape\n" + ValidTasks + ValidModels, 1, 9, "'run_id' must use only letters, digits")]
    public void Load_OneTopLevelProblem_ReportsItAtItsLocation(string yaml, int line, int column, string message)
    {
        var problem = LoaderFixture.LoadSingleProblem(_dir, yaml);

        Assert.Equal((line, column), (problem.Location.Line, problem.Location.Column));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("models: []\n", 1, 9, "'models' must be a non-empty list")]
    [InlineData("name: x\n", 1, 1, "'models' must be a non-empty list")]
    [InlineData("models:\n  - [a, b]\n", 2, 5, "a model entry must be a model spec string or a mapping")]
    [InlineData("models:\n  - provider: acme\n", 2, 15, "unknown provider 'acme'; expected one of openai-compatible, azure-openai, anthropic, gemini, baseline:refuse")]
    [InlineData("models:\n  - provider: gemini\n    model: g\n", 2, 5, "model 'gemini' needs 'endpoint' or 'endpoints' (base URLs such as https://generativelanguage.googleapis.com/v1beta)")]
    [InlineData("models:\n  - provider: azure-openai\n    endpoint: https://r.openai.azure.com\n", 2, 5, "model 'azure-openai' needs 'model' (the deployment name)")]
    [InlineData("models:\n  - provider: anthropic\n    endpoint: https://api.anthropic.com/v1\n    model: c\n    api_version: 2024-10-21\n", 5, 18, "'api_version' applies to provider 'azure-openai' only, not 'anthropic'")]
    [InlineData("models:\n  - provider: anthropic\n    endpoint: https://api.anthropic.com/v1\n    model: c\n    generation:\n      seed: 7\n", 6, 13, "'seed' in 'generation' is not supported by provider 'anthropic'")]
    [InlineData("models:\n  - provider: azure-openai\n    endpoint: https://r.openai.azure.com\n    model: d\n    api_key_env: K\n    entra_token_env: T\n", 6, 22, "a model takes 'api_key_env' or 'entra_token_env', not both")]
    [InlineData("models:\n  - baseline:psychic\n", 2, 5, "unknown baseline 'baseline:psychic'")]
    [InlineData("models:\n  - model: m\n", 2, 5, "a model entry needs 'provider'")]
    [InlineData("models:\n  - provider: openai-compatible\n    model: m\n", 2, 5, "needs 'endpoint' or 'endpoints'")]
    [InlineData("models:\n  - provider: openai-compatible\n    endpoint: http://h/v1\n", 2, 5, "needs 'model'")]
    [InlineData("models:\n  - provider: openai-compatible\n    endpoints: [http://h/v1, not a url]\n    model: m\n", 3, 30, "endpoint 'not a url' must be an absolute http(s) URL")]
    [InlineData("models:\n  - provider: baseline:oracle\n    colour: red\n", 3, 5, "unknown key 'colour' in a model entry")]
    [InlineData("models:\n  - provider: baseline:oracle\n    concurrency: 100001\n", 3, 18, "'concurrency' in a model entry must be a whole number between 1 and 100000")]
    [InlineData("models:\n  - provider: baseline:oracle\n    retries: -1\n", 3, 14, "'retries' in a model entry must be a whole number between 0 and 100")]
    [InlineData("models:\n  - provider: baseline:oracle\n    timeout: soon\n", 3, 14, "'timeout' in a model entry must be a positive duration")]
    [InlineData("models:\n  - provider: baseline:oracle\n    timeout: -5s\n", 3, 14, "'timeout' in a model entry must be a positive duration")]
    [InlineData("models:\n  - provider: baseline:oracle\n    timeout: 0\n", 3, 14, "'timeout' in a model entry must be a positive duration")]
    [InlineData("models:\n  - provider: baseline:oracle\n    api_key_env: sk-proj-abc123\n", 3, 18, "'api_key_env' is the NAME of an environment variable")]
    [InlineData("models:\n  - provider: baseline:oracle\n    generation: greedy\n", 3, 17, "'generation' must be a mapping")]
    [InlineData("models:\n  - provider: baseline:oracle\n    generation:\n      beam: 4\n", 4, 7, "unknown key 'beam' in 'generation'")]
    [InlineData("models:\n  - provider: baseline:oracle\n    generation:\n      temperature: -0.1\n", 4, 20, "'temperature' in 'generation' must be a number between 0 and 2")]
    [InlineData("models:\n  - provider: baseline:oracle\n    generation:\n      max_tokens: 0\n", 4, 19, "'max_tokens' in 'generation' must be a whole number between 1 and 1000000")]
    [InlineData("models:\n  - provider: baseline:oracle\n    generation:\n      top_p: 2\n", 4, 14, "'top_p' in 'generation' must be a number between 0 and 1")]
    [InlineData("models:\n  - provider: baseline:oracle\n    generation:\n      seed: abc\n", 4, 13, "'seed' in 'generation' must be a whole number")]
    [InlineData("models:\n  - baseline:oracle\n  - provider: baseline:oracle\n", 3, 5, "model id 'baseline:oracle' is used twice")]
    [InlineData("models:\n  - id: a\n    provider: baseline:oracle\n  - id: a\n    provider: baseline:refuse\n", 4, 5, "model id 'a' is used twice")]
    public void Load_OneModelProblem_ReportsItAtItsLocation(string models, int line, int column, string message)
    {
        // The models block comes first so that its line numbers are those written in the test case.
        var problem = LoaderFixture.LoadSingleProblem(_dir, models + ValidTasks);

        Assert.Equal((line, column), (problem.Location.Line, problem.Location.Column));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("endpoint: localhost:8000", 3, 15, "endpoint 'localhost:8000' must be an absolute http(s) URL")]
    [InlineData("endpoint: ftp://h/v1", 3, 15, "endpoint 'ftp://h/v1' must be an absolute http(s) URL")]
    [InlineData("endpoints: http://h/v1", 3, 16, "'endpoints' must be a list of base URLs")]
    public void Load_OnlyEndpointInvalid_ReportsItAndTheMissingEndpoint(string endpointLine, int line, int column, string message)
    {
        var result = LoaderFixture.Load(_dir, $"models:\n  - provider: openai-compatible\n    {endpointLine}\n    model: m\n" + ValidTasks);

        Assert.Equal(2, result.Problems.Count);
        Assert.Contains(result.Problems, p => (p.Location.Line, p.Location.Column) == (line, column) && p.Message.Contains(message, StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => (p.Location.Line, p.Location.Column) == (2, 5) && p.Message.Contains("needs 'endpoint' or 'endpoints'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("judges: [refusal, gpt4-judge]\n", 1, 19, "unknown judge 'gpt4-judge'; rule judges: refusal, yesno, leak; configurable")]
    [InlineData("judges: refusal\n", 1, 9, "'judges' must be a list of judge ids")]
    [InlineData("judges:\n  - {id: refusal}\n", 2, 5, "unknown judge ''")]
    public void Load_JudgeProblem_ReportsItAtItsLocation(string judges, int line, int column, string message)
    {
        var problem = LoaderFixture.LoadSingleProblem(_dir, judges + ValidTasks + ValidModels);

        Assert.Equal((line, column), (problem.Location.Line, problem.Location.Column));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateJudge_IsKeptOnce()
    {
        var definition = LoaderFixture.LoadValid(_dir, "judges: [leak, leak]\n" + ValidTasks + ValidModels);

        Assert.Equal(["leak"], definition.Judges);
    }

    [Fact]
    public void Load_ApiKeyEnvName_IsAccepted()
    {
        var definition = LoaderFixture.LoadValid(_dir, "models:\n  - provider: baseline:oracle\n    api_key_env: OPENAI_API_KEY_2\n" + ValidTasks);

        Assert.Equal("OPENAI_API_KEY_2", Assert.Single(definition.Models).ApiKeyEnv);
    }

    [Fact]
    public void Problem_ToString_IsFileLineColumnThenMessage()
    {
        var problem = LoaderFixture.LoadSingleProblem(_dir, "colour: blue\n" + ValidTasks + ValidModels);

        Assert.StartsWith($"{_dir.Combine("pipeline.yaml")}:1:1: unknown key 'colour'", problem.ToString(), StringComparison.Ordinal);
    }
}
