using Microsoft.Extensions.AI;
using MultiTrust.Stages.Inference.Gemini;
using MultiTrust.Stages.Inference.Http;
using MultiTrust.Stages.Resilience;
using MultiTrust.Testing;

namespace MultiTrust.Stages.Tests.Inference.Providers;

/// <summary>
/// The provider fault matrix against the Gemini generateContent wire format (its 429 carries the retry delay in a
/// <c>RetryInfo</c> body detail, not a header), plus its URL and request shape.
/// </summary>
public sealed class GeminiContractTests : ChatProviderContractTests
{
    private protected override HttpChatClient Create(LoopbackModelServer server, ResilienceOptions resilience, string? apiKey = Key, TimeProvider? time = null) =>
        new GeminiChatClient(
            new GeminiOptions { Endpoints = [server.GeminiBaseUrl], Model = "gemini-test", ApiKey = apiKey, Resilience = resilience },
            time,
            new Random(42));

    protected override string? SentKey(RecordedRequest request) => request.Headers.GetValueOrDefault("x-goog-api-key");

    protected override void AssertNamesOverload(string message) => Assert.Contains("UNAVAILABLE", message, StringComparison.Ordinal);

    [Fact]
    public async Task GetResponseAsync_Request_PostsToModelMethodWithKeyOnlyInHeader()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var client = Create(server, Fast());

        await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Be terse."), new ChatMessage(ChatRole.User, "hi")], new ChatOptions { Seed = 5, TopP = 0.5f });

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1beta/models/gemini-test:generateContent", request.Path);
        Assert.Equal(string.Empty, request.Query);
        Assert.Equal("gemini-test", request.Model);
        Assert.Equal(5, request.Seed);
        Assert.Equal(0.5, request.TopP);
        Assert.Equal(1, request.MessageCount);
        Assert.Contains("systemInstruction", request.TopLevelProperties);
    }

    [Fact]
    public async Task GetResponseAsync_ImageUrl_ThrowsNamingIt()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var client = Create(server, Fast());

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, [new UriContent("https://example.com/a.png", "image/png")])]));

        Assert.Contains("UriContent", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task GetResponseAsync_ThrottledWithoutRetryAfterHeader_HonoursProviderSignal() =>
        AssertPausedUntilDelayPassedAsync(Fault.RateLimitedByProviderSignal(30)); // RetryInfo.retryDelay in the error body
}
