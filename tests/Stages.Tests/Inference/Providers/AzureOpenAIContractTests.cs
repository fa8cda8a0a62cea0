using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Inference.AzureOpenAI;
using MultiTrust.Stages.Inference.Http;
using MultiTrust.Stages.Resilience;
using MultiTrust.Testing;

namespace MultiTrust.Stages.Tests.Inference.Providers;

/// <summary>The provider fault matrix against the Azure OpenAI wire format, plus its deployment URL and credentials.</summary>
public sealed class AzureOpenAIContractTests : ChatProviderContractTests
{
    private protected override HttpChatClient Create(LoopbackModelServer server, ResilienceOptions resilience, string? apiKey = Key, TimeProvider? time = null) =>
        new AzureOpenAIChatClient(
            new AzureOpenAIOptions { Endpoints = [server.RootUrl], Deployment = "gpt-4o-eval", ApiKey = apiKey, Resilience = resilience },
            time,
            new Random(42));

    protected override string? SentKey(RecordedRequest request) => request.Headers.GetValueOrDefault("api-key");

    [Fact]
    public async Task GetResponseAsync_Deployment_PostsToDeploymentPathWithApiVersion()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var client = Create(server, Fast());

        await client.GetResponseAsync("hi");

        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/gpt-4o-eval/chat/completions", request.Path);
        Assert.Equal("?api-version=" + AzureOpenAIOptions.DefaultApiVersion, request.Query);
        Assert.Equal("gpt-4o-eval", request.Model);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task GetResponseAsync_EntraToken_SentAsBearerWithoutApiKey()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var client = new AzureOpenAIChatClient(new AzureOpenAIOptions
        {
            Endpoints = [server.RootUrl], Deployment = "gpt-4o-eval", EntraToken = "eyJ0eXAiOiJKV1Qi.entra", Resilience = Fast(),
        });

        await client.GetResponseAsync("hi");

        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer eyJ0eXAiOiJKV1Qi.entra", request.Authorization);
        Assert.False(request.Headers.ContainsKey("api-key"));
    }

    [Fact]
    public async Task GetResponseAsync_PromptRefusedByContentFilter_ThrowsContentFilteredWithoutRetry()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.Error(400, "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.", "content_filter");
        using var client = Create(server, Fast());

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(ResponseStatus.ContentFiltered, ex.Status);
        Assert.Equal(1, server.TotalRequests);
    }

    [Fact]
    public void Validate_KeyAndToken_Rejected()
    {
        var options = new AzureOpenAIOptions { Endpoints = [new Uri("https://r.openai.azure.com")], Deployment = "d", ApiKey = "k", EntraToken = "t" };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("not both", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_OtherModelId_ThrowsNamingTheDeployment()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var client = Create(server, Fast());

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => client.GetResponseAsync("hi", new ChatOptions { ModelId = "other" }));

        Assert.Contains("gpt-4o-eval", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.TotalRequests);
    }

    [Fact]
    public Task GetResponseAsync_ThrottledWithoutRetryAfterHeader_HonoursProviderSignal() =>
        AssertPausedUntilDelayPassedAsync(Fault.RateLimitedByProviderSignal(30)); // retry-after-ms
}
