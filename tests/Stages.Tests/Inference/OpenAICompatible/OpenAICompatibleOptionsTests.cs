using MultiTrust.Stages.Inference.OpenAICompatible;
using MultiTrust.Stages.Resilience;

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
        { "Resilience", new OpenAICompatibleOptions { Endpoints = [s_endpoint], Model = "m", Resilience = null! } },
        { "ApiKey", new OpenAICompatibleOptions { Endpoints = [s_endpoint], Model = "m", ApiKey = "a\nb" } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidField_ThrowsNamingField(string field, OpenAICompatibleOptions options)
    {
        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("OpenAICompatibleOptions." + field, ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, ResilienceOptions> InvalidResilience => new()
    {
        { "MaxRetries", new ResilienceOptions { MaxRetries = -1 } },
        { "RequestTimeout", new ResilienceOptions { RequestTimeout = TimeSpan.Zero } },
        { "TotalTimeout", new ResilienceOptions { TotalTimeout = TimeSpan.FromDays(2) } },
        { "BaseDelay", new ResilienceOptions { BaseDelay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromSeconds(1) } },
        { "RetryAfterJitter", new ResilienceOptions { RetryAfterJitter = 1.5 } },
        { "BreakerFailureRatio", new ResilienceOptions { BreakerFailureRatio = 0 } },
        { "BreakerMinimumThroughput", new ResilienceOptions { BreakerMinimumThroughput = 1 } },
        { "BreakDuration", new ResilienceOptions { BreakDuration = TimeSpan.FromMilliseconds(100) } },
    };

    [Theory]
    [MemberData(nameof(InvalidResilience))]
    public void Validate_InvalidResilienceField_ThrowsNamingField(string field, ResilienceOptions resilience)
    {
        var options = new OpenAICompatibleOptions { Endpoints = [s_endpoint], Model = "m", Resilience = resilience };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("ResilienceOptions." + field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EffectiveTotalTimeout_Unset_LeavesRoomForEveryAttemptToTimeOutAndBeRetried()
    {
        var resilience = new ResilienceOptions { RequestTimeout = TimeSpan.FromSeconds(10), MaxRetries = 2, MaxDelay = TimeSpan.FromSeconds(3) };

        Assert.Equal(TimeSpan.FromSeconds((3 * 10) + (2 * 3)), resilience.EffectiveTotalTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7), new ResilienceOptions { TotalTimeout = TimeSpan.FromSeconds(7) }.EffectiveTotalTimeout);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 1)]
    [InlineData(16, 4)]
    [InlineData(64, 16)]
    public void ConcurrencyFloor_IsAQuarterOfConcurrencyAtLeastOne(int concurrency, int floor)
    {
        Assert.Equal(floor, ResilienceOptions.ConcurrencyFloor(concurrency));
    }

    [Fact]
    public void ToString_WithApiKey_DoesNotRevealKey()
    {
        var options = new OpenAICompatibleOptions { Endpoints = [s_endpoint], Model = "m", ApiKey = "sk-hidden-value" };

        Assert.DoesNotContain("sk-hidden-value", options.ToString(), StringComparison.Ordinal);
    }
}
