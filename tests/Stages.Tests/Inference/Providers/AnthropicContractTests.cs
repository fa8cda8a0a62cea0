using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Inference.Anthropic;
using MultiTrust.Stages.Inference.Http;
using MultiTrust.Stages.Resilience;
using MultiTrust.Testing;

namespace MultiTrust.Stages.Tests.Inference.Providers;

/// <summary>The provider fault matrix against the Anthropic Messages wire format, plus its headers and request shape.</summary>
public sealed class AnthropicContractTests : ChatProviderContractTests
{
    protected override int OverloadedStatus => 529;

    private protected override HttpChatClient Create(LoopbackModelServer server, ResilienceOptions resilience, string? apiKey = Key, TimeProvider? time = null) =>
        new AnthropicChatClient(
            new AnthropicOptions { Endpoints = [server.BaseUrl], Model = "claude-test", ApiKey = apiKey, Resilience = resilience },
            time,
            new Random(42));

    protected override string? SentKey(RecordedRequest request) => request.Headers.GetValueOrDefault("x-api-key");

    protected override void AssertNamesOverload(string message) => Assert.Contains("overloaded_error", message, StringComparison.Ordinal);

    [Fact]
    public async Task GetResponseAsync_Request_CarriesVersionHeaderSystemAndDefaultMaxTokens()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { CaptureBodies = true });
        using var client = Create(server, Fast());

        await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Be terse."), new ChatMessage(ChatRole.User, "hi")]);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/messages", request.Path);
        Assert.Equal(AnthropicOptions.DefaultVersion, request.Headers["anthropic-version"]);
        Assert.Equal(1024, request.MaxTokens);
        Assert.Equal(1, request.MessageCount); // The system message travels in 'system', not in 'messages'.
        Assert.Contains("system", request.TopLevelProperties);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task GetResponseAsync_Seed_ThrowsNamingItWithoutSending()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var client = Create(server, Fast());

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => client.GetResponseAsync("hi", new ChatOptions { Seed = 1 }));

        Assert.Contains("seed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.TotalRequests);
    }

    [Fact]
    public async Task GetResponseAsync_RateLimited_MessageNamesRateLimitError()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.TooManyRequests();
        using var client = Create(server, Fast(maxRetries: 1));

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Contains("HTTP 429", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rate_limit_error", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task GetResponseAsync_ThrottledWithoutRetryAfterHeader_HonoursProviderSignal() =>
        AssertPausedUntilDelayPassedAsync(Fault.RateLimitedByProviderSignal(30)); // the anthropic-ratelimit-requests-reset time
}
