using MultiTrust.Stages.Judging;
using MultiTrust.Stages.Judging.Classifiers;

namespace MultiTrust.Stages.Tests.Judging.Classifiers;

public sealed class ClassifierJudgeOptionsTests
{
    [Fact]
    public void Validate_ZeroConcurrency_ThrowsNamingField()
    {
        var ex = Assert.Throws<ArgumentException>(new ClassifierJudgeOptions { MaxConcurrency = 0 }.Validate);

        Assert.Contains("ClassifierJudgeOptions.MaxConcurrency", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EndpointWithQuery_ThrowsNamingField()
    {
        var ex = Assert.Throws<ArgumentException>(new ClassifierJudgeOptions { Endpoint = new Uri("http://h/v1?x=1") }.Validate);

        Assert.Contains("ClassifierJudgeOptions.Endpoint", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToChatClientOptions_KeyFromNamedVariable_SetsKeyAndModel()
    {
        var options = new ClassifierJudgeOptions
        {
            Endpoint = new Uri("http://h:8000/v1"),
            Model = "gpt-4o-2024-08-06",
            ApiKeyEnvironmentVariable = "JUDGE_KEY",
            MaxConcurrency = 3,
        };

        var chat = options.ToChatClientOptions("llm-consistency", name => name == "JUDGE_KEY" ? "k-1" : null);

        Assert.Equal("k-1", chat.ApiKey);
        Assert.Equal("gpt-4o-2024-08-06", chat.Model);
        Assert.Equal(3, chat.MaxConcurrency);
        Assert.DoesNotContain("k-1", chat.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToChatClientOptions_NoModel_ThrowsNotConfigured()
    {
        var ex = Assert.Throws<JudgeConfigurationException>(
            () => new ClassifierJudgeOptions { Endpoint = new Uri("http://h/v1") }.ToChatClientOptions("llm-consistency"));

        Assert.Equal(
            "judge 'llm-consistency' is not configured: set judge_models.llm-consistency.endpoint and .model in the pipeline file", ex.Message);
    }
}
