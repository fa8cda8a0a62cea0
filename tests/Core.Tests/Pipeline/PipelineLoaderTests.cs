using MultiTrust.Core.Pipeline;

namespace MultiTrust.Core.Tests.Pipeline;

public sealed class PipelineLoaderTests : IDisposable
{
    private const string FullYaml = """
        name: nightly
        description: Nightly smoke run
        seed: 42
        output: results/nightly
        run_id: nightly-001
        samples: 7
        cache: false
        report: false
        tasks:
          - t1-basic
          - id: s4-typographic-jailbreaking
            samples: 3
        models:
          - baseline:oracle
          - openai-compatible:http://localhost:11434/v1:llava
          - id: vllm-qwen
            provider: openai-compatible
            endpoints:
              - http://10.0.0.1:8000/v1
              - http://10.0.0.2:8000/v1
            model: Qwen/Qwen2-VL-7B-Instruct
            concurrency: 32
            timeout: 500ms
            retries: 2
            api_key_env: VLLM_API_KEY
            generation:
              temperature: 0.7
              max_tokens: 256
              top_p: 0.9
              seed: 7
          - provider: openai-compatible
            endpoint: https://api.example.com/v1
            model: gpt-x
        judges:
          - refusal
          - leak

        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_FullFile_MapsTopLevelFields()
    {
        var definition = LoaderFixture.LoadValid(_dir, FullYaml);

        Assert.Equal("nightly", definition.Name);
        Assert.Equal("Nightly smoke run", definition.Description);
        Assert.Equal(42, definition.Seed);
        Assert.Equal("nightly-001", definition.RunId);
        Assert.False(definition.Cache);
        Assert.False(definition.Report);
        Assert.Equal(Path.GetFullPath(_dir.Combine("pipeline.yaml")), definition.SourcePath);
    }

    [Fact]
    public void Load_RelativeOutput_ResolvesAgainstBaseDirectory()
    {
        var definition = LoaderFixture.LoadValid(_dir, FullYaml);

        Assert.Equal(Path.GetFullPath(Path.Combine(_dir.Path, "results", "nightly")), definition.Output);
    }

    [Fact]
    public void Load_TasksAsStringsAndMappings_UseDefaultAndPerTaskSamples()
    {
        var definition = LoaderFixture.LoadValid(_dir, FullYaml);

        Assert.Collection(
            definition.Tasks,
            t => Assert.Equal(("t1-basic", 7, 10), (t.Id, t.Samples, t.Location.Line)),
            t => Assert.Equal(("s4-typographic-jailbreaking", 3, 11), (t.Id, t.Samples, t.Location.Line)));
    }

    [Fact]
    public void Load_ModelSpecStrings_BecomeModelsWithDerivedIds()
    {
        var definition = LoaderFixture.LoadValid(_dir, FullYaml);

        var oracle = definition.Models[0];
        Assert.Equal(("baseline:oracle", "baseline:oracle", null), (oracle.Id, oracle.Provider, oracle.Model));
        Assert.Empty(oracle.Endpoints);
        Assert.True(oracle.IsBaseline);
        var llava = definition.Models[1];
        Assert.Equal(("openai-compatible/llava", "openai-compatible", "llava"), (llava.Id, llava.Provider, llava.Model));
        Assert.Equal(["http://localhost:11434/v1"], llava.Endpoints);
        Assert.False(llava.IsBaseline);
    }

    [Fact]
    public void Load_ModelMapping_MapsEveryField()
    {
        var definition = LoaderFixture.LoadValid(_dir, FullYaml);

        var model = definition.Models[2];
        Assert.Equal("vllm-qwen", model.Id);
        Assert.Equal("openai-compatible", model.Provider);
        Assert.Equal(["http://10.0.0.1:8000/v1", "http://10.0.0.2:8000/v1"], model.Endpoints);
        Assert.Equal("Qwen/Qwen2-VL-7B-Instruct", model.Model);
        Assert.Equal(32, model.Concurrency);
        Assert.Equal(TimeSpan.FromMilliseconds(500), model.Timeout);
        Assert.Equal(2, model.MaxRetries);
        Assert.Equal("VLLM_API_KEY", model.ApiKeyEnv);
        Assert.Equal(new GenerationParameters(0.7, 256, 0.9, 7), model.Generation);
        Assert.Equal((16, 5), (model.Location.Line, model.Location.Column));
    }

    [Fact]
    public void Load_SingleEndpointKey_GivesOneEndpointAndProviderSlashModelId()
    {
        var definition = LoaderFixture.LoadValid(_dir, FullYaml);

        var model = definition.Models[3];
        Assert.Equal("openai-compatible/gpt-x", model.Id);
        Assert.Equal(["https://api.example.com/v1"], model.Endpoints);
    }

    [Fact]
    public void Load_JudgesList_IsKeptInOrder()
    {
        var definition = LoaderFixture.LoadValid(_dir, FullYaml);

        Assert.Equal(["refusal", "leak"], definition.Judges);
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("2m", 120_000)]
    [InlineData("45", 45_000)]
    [InlineData("1.5s", 1_500)]
    public void Load_TimeoutText_ParsesToDuration(string timeout, double expectedMs)
    {
        var definition = LoaderFixture.LoadValid(_dir, $"""
            tasks: [t1-basic]
            models:
              - provider: openai-compatible
                endpoint: http://localhost:8000/v1
                model: m
                timeout: {timeout}
            """);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), definition.Models[0].Timeout);
    }

    [Fact]
    public void Load_ModelTotalTimeout_ParsedAndAbsentByDefault()
    {
        var definition = LoaderFixture.LoadValid(_dir, """
            tasks: [t1-basic]
            models:
              - provider: openai-compatible
                endpoint: http://localhost:8000/v1
                model: m
                total_timeout: 10m
              - { provider: openai-compatible, endpoint: "http://localhost:8001/v1", model: n }
            """);

        Assert.Equal(TimeSpan.FromMinutes(10), definition.Models[0].TotalTimeout);
        Assert.Null(definition.Models[1].TotalTimeout);
    }

    [Theory]
    [InlineData("timeout", "5ms")]
    [InlineData("timeout", "25h")]
    [InlineData("total_timeout", "48h")]
    public void Load_TimeoutOutsideTenMillisecondsToADay_ProblemNamesKey(string key, string value)
    {
        var problem = LoaderFixture.LoadSingleProblem(_dir, $"""
            tasks: [t1-basic]
            models:
              - provider: openai-compatible
                endpoint: http://localhost:8000/v1
                model: m
                {key}: {value}
            """);

        Assert.Contains($"'{key}'", problem.Message, StringComparison.Ordinal);
    }
}
