using MultiTrust.Core.Pipeline;

namespace MultiTrust.Core.Tests.Pipeline;

public sealed class ModelSpecTests
{
    [Theory]
    [InlineData("baseline:refuse")]
    [InlineData("baseline:comply")]
    [InlineData("baseline:random")]
    [InlineData("baseline:oracle")]
    public void TryParse_Baseline_ReturnsProviderWithoutEndpoint(string spec)
    {
        Assert.True(ModelSpec.TryParse(spec, out var provider, out var endpoint, out var model, out var error));

        Assert.Equal((spec, null, null, ""), (provider, endpoint, model, error));
    }

    [Theory]
    [InlineData("openai-compatible:http://localhost:11434/v1:llava", "http://localhost:11434/v1", "llava")]
    [InlineData("openai-compatible:https://api.example.com/v1:gpt-4o", "https://api.example.com/v1", "gpt-4o")]
    [InlineData("openai-compatible:http://10.0.0.5:8000/v1:Qwen/Qwen2-VL-7B-Instruct", "http://10.0.0.5:8000/v1", "Qwen/Qwen2-VL-7B-Instruct")]
    [InlineData("openai-compatible:http://host/proxy/openai/v1:m", "http://host/proxy/openai/v1", "m")]
    public void TryParse_OpenAICompatible_SplitsUrlAndModel(string spec, string expectedEndpoint, string expectedModel)
    {
        Assert.True(ModelSpec.TryParse(spec, out var provider, out var endpoint, out var model, out _));

        Assert.Equal(("openai-compatible", expectedEndpoint, expectedModel), (provider, endpoint, model));
    }

    [Theory]
    [InlineData("llava")]
    [InlineData("openai-compatible")]
    [InlineData("openai-compatible:llava")]
    [InlineData("openai-compatible:http://localhost/v1:")]
    [InlineData(":http://localhost/v1:m")]
    [InlineData("")]
    public void TryParse_NotASpec_FailsWithExample(string spec)
    {
        Assert.False(ModelSpec.TryParse(spec, out _, out _, out _, out var error));

        Assert.Contains("is not a model spec", error, StringComparison.Ordinal);
        Assert.Contains("openai-compatible:http://localhost:11434/v1:llava", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_UnknownBaseline_ListsBaselines()
    {
        Assert.False(ModelSpec.TryParse("baseline:psychic", out _, out _, out _, out var error));

        Assert.Equal("unknown baseline 'baseline:psychic'; expected one of baseline:refuse, baseline:comply, baseline:random, baseline:oracle", error);
    }

    [Fact]
    public void TryParse_UnknownProvider_ListsSupportedProviders()
    {
        Assert.False(ModelSpec.TryParse("acme:http://localhost/v1:m", out var provider, out _, out _, out var error));

        Assert.Equal("acme", provider);
        Assert.StartsWith("unknown provider 'acme'; expected one of openai-compatible, azure-openai, anthropic, gemini, baseline:refuse", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anthropic", "https://api.anthropic.com/v1", "claude-sonnet-4-5")]
    [InlineData("azure-openai", "https://r.openai.azure.com", "gpt-4o")]
    [InlineData("gemini", "https://generativelanguage.googleapis.com/v1beta", "gemini-2.5-flash")]
    public void TryParse_HostedProvider_SplitsEndpointAndModel(string name, string endpoint, string model)
    {
        Assert.True(ModelSpec.TryParse($"{name}:{endpoint}:{model}", out var provider, out var parsedEndpoint, out var parsedModel, out var error), error);

        Assert.Equal(name, provider);
        Assert.Equal(endpoint, parsedEndpoint);
        Assert.Equal(model, parsedModel);
    }

    [Theory]
    [InlineData("openai-compatible:ftp://host/v1:m", "ftp://host/v1")]
    [InlineData("openai-compatible:file:///tmp/v1:m", "file:///tmp/v1")]
    [InlineData("openai-compatible:/v1/x:m", "/v1/x")]
    [InlineData("openai-compatible:not a url:m", "not a url")]
    public void TryParse_NonHttpEndpoint_FailsNamingTheUrl(string spec, string endpoint)
    {
        Assert.False(ModelSpec.TryParse(spec, out _, out _, out _, out var error));

        Assert.Equal($"endpoint '{endpoint}' in '{spec}' is not an absolute http(s) URL", error);
    }

    [Fact]
    public void TryParse_ModelNameWithTag_KeepsTagInModel()
    {
        Assert.True(ModelSpec.TryParse("openai-compatible:http://localhost:11434/v1:llava:7b", out _, out var endpoint, out var model, out _));

        Assert.Equal(("http://localhost:11434/v1", "llava:7b"), (endpoint, model));
    }
}
