using MultiTrust.Stages.Inference.OpenAICompatible;

namespace MultiTrust.Stages.Tests.Inference.OpenAICompatible;

public sealed class OpenAICompatibleOptionsTests
{
    private static readonly Uri s_endpoint = new("http://127.0.0.1:8000/v1");

    [Fact]
    public void Validate_ValidOptions_DoesNotThrow()
    {
        new OpenAICompatibleOptions { Endpoints = [s_endpoint], Model = "m", ApiKey = "k" }.Validate();
    }

    public static TheoryData<string, OpenAICompatibleOptions> Invalid => new()
    {
        { "Endpoints", new OpenAICompatibleOptions { Model = "m" } },
        { "Endpoints[0]", new OpenAICompatibleOptions { Endpoints = [new Uri("ftp://host/v1")], Model = "m" } },
        { "Endpoints[1]", new OpenAICompatibleOptions { Endpoints = [s_endpoint, new Uri("v1", UriKind.Relative)], Model = "m" } },
        { "Endpoints[0]", new OpenAICompatibleOptions { Endpoints = [new Uri("http://h/v1?x=1")], Model = "m" } },
        { "Model", new OpenAICompatibleOptions { Endpoints = [s_endpoint] } },
        { "MaxConcurrency", new OpenAICompatibleOptions { Endpoints = [s_endpoint], Model = "m", MaxConcurrency = 0 } },
        { "MaxRetries", new OpenAICompatibleOptions { Endpoints = [s_endpoint], Model = "m", MaxRetries = -1 } },
        { "RequestTimeout", new OpenAICompatibleOptions { Endpoints = [s_endpoint], Model = "m", RequestTimeout = TimeSpan.Zero } },
        {
            "BaseDelay",
            new OpenAICompatibleOptions { Endpoints = [s_endpoint], Model = "m", BaseDelay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromSeconds(1) }
        },
        { "ApiKey", new OpenAICompatibleOptions { Endpoints = [s_endpoint], Model = "m", ApiKey = "a\nb" } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidField_ThrowsNamingField(string field, OpenAICompatibleOptions options)
    {
        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("OpenAICompatibleOptions." + field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithApiKey_DoesNotRevealKey()
    {
        var options = new OpenAICompatibleOptions { Endpoints = [s_endpoint], Model = "m", ApiKey = "sk-hidden-value" };

        Assert.DoesNotContain("sk-hidden-value", options.ToString(), StringComparison.Ordinal);
    }
}
