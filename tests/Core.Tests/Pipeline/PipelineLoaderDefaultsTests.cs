using MultiTrust.Core.Pipeline;

namespace MultiTrust.Core.Tests.Pipeline;

public sealed class PipelineLoaderDefaultsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_MinimalFile_AppliesTopLevelDefaults()
    {
        var definition = LoaderFixture.LoadValid(_dir, "tasks: [t1-basic]\nmodels: [baseline:refuse]\n");

        Assert.Equal("pipeline", definition.Name);
        Assert.Null(definition.Description);
        Assert.Equal(0, definition.Seed);
        Assert.Equal(Path.GetFullPath(Path.Combine(_dir.Path, "out")), definition.Output);
        Assert.Null(definition.RunId);
        Assert.Equal(100, Assert.Single(definition.Tasks).Samples);
        Assert.Empty(definition.Judges);
        Assert.True(definition.Cache);
        Assert.False(definition.CacheReuse);
        Assert.True(definition.Report);
    }

    [Theory]
    [InlineData("cache: true", true, false)]
    [InlineData("cache: false", false, false)]
    [InlineData("cache: {reuse: true}", true, true)]
    [InlineData("cache: {reuse: false}", true, false)]
    [InlineData("cache: {enabled: false}", false, false)]
    [InlineData("cache:\n  enabled: true\n  reuse: true", true, true)]
    public void Load_CacheBooleanOrMapping_EnabledAndReuse(string yaml, bool enabled, bool reuse)
    {
        var definition = LoaderFixture.LoadValid(_dir, yaml + "\ntasks: [t1-basic]\nmodels: [baseline:refuse]\n");

        Assert.Equal((enabled, reuse), (definition.Cache, definition.CacheReuse));
    }

    [Fact]
    public void Load_OpenAICompatibleWithoutOptions_UsesDefaults()
    {
        var definition = LoaderFixture.LoadValid(_dir, """
            tasks: [t1-basic]
            models:
              - provider: openai-compatible
                endpoint: http://localhost:8000/v1
                model: m
            """);

        var model = Assert.Single(definition.Models);
        Assert.Equal(16, model.Concurrency);
        Assert.Equal(TimeSpan.FromSeconds(120), model.Timeout);
        Assert.Equal(4, model.MaxRetries);
        Assert.Null(model.ApiKeyEnv);
        Assert.Equal(GenerationParameters.Default, model.Generation);
        Assert.Equal(new GenerationParameters(0, 512, null, null), model.Generation);
    }

    [Fact]
    public void Load_BaselineWithoutOptions_UsesProcessorCountConcurrency()
    {
        var definition = LoaderFixture.LoadValid(_dir, "tasks: [t1-basic]\nmodels:\n  - provider: baseline:random\n");

        var model = Assert.Single(definition.Models);
        Assert.Equal(Environment.ProcessorCount, model.Concurrency);
        Assert.Equal(TimeSpan.FromSeconds(120), model.Timeout);
        Assert.Equal(4, model.MaxRetries);
    }

    [Fact]
    public void Load_AbsoluteOutput_IsKeptAsIs()
    {
        var absolute = _dir.Combine("elsewhere");
        var definition = LoaderFixture.LoadValid(_dir, $"output: {absolute}\ntasks: [t1-basic]\nmodels: [baseline:comply]\n");

        Assert.Equal(absolute, definition.Output);
    }

    [Fact]
    public void Load_SameLoaderTwice_DoesNotCarryProblemsOver()
    {
        var loader = LoaderFixture.NewLoader();
        var bad = _dir.WriteFile("bad.yaml", "tasks: [nope]\nmodels: [baseline:oracle]\n");
        var good = _dir.WriteFile("good.yaml", "tasks: [t1-basic]\nmodels: [baseline:oracle]\n");

        Assert.False(loader.Load(bad, _dir.Path).IsValid);
        var second = loader.Load(good, _dir.Path);

        Assert.True(second.IsValid, string.Join("\n", second.Problems));
    }
}
