using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Testing;

namespace MultiTrust.Stages.Tests.Inference.OpenAICompatible;

public sealed class OpenAICompatibleChatClientPoolTests
{
    [Fact]
    public async Task GetResponseAsync_TwoEndpoints_AlternatesRoundRobin()
    {
        await using var first = await LoopbackModelServer.StartAsync();
        await using var second = await LoopbackModelServer.StartAsync();
        using var client = ClientFactory.Create(first.BaseUrl, second.BaseUrl);

        for (var i = 0; i < 10; i++)
        {
            await client.GetResponseAsync($"prompt {i}");
        }

        Assert.Equal(5, first.TotalRequests);
        Assert.Equal(5, second.TotalRequests);
        Assert.Equal(["prompt 0", "prompt 2", "prompt 4", "prompt 6", "prompt 8"], first.Requests.Select(r => r.LastUserText));
    }

    [Fact]
    public async Task GetResponseAsync_FirstEndpointFails_RetriesOnNextEndpoint()
    {
        await using var first = await LoopbackModelServer.StartAsync();
        await using var second = await LoopbackModelServer.StartAsync();
        first.Faults.Policy = _ => Fault.ServerError();
        using var client = ClientFactory.Create(first.BaseUrl, second.BaseUrl);

        var response = await client.GetResponseAsync("hi");

        Assert.Equal(2, response.AdditionalProperties![ChatPropertyKeys.Attempts]);
        Assert.Equal(1, first.TotalRequests);
        Assert.Equal(1, second.TotalRequests);
    }

    [Fact]
    public async Task GetResponseAsync_DeadEndpoint_ConnectionFailureRetriedOnLiveOne()
    {
        Uri deadUrl;
        await using (var dead = await LoopbackModelServer.StartAsync())
        {
            deadUrl = dead.BaseUrl;
        }

        await using var live = await LoopbackModelServer.StartAsync();
        using var client = ClientFactory.Create(deadUrl, live.BaseUrl);

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("Echo: hi", response.Text);
        Assert.Equal(2, response.AdditionalProperties![ChatPropertyKeys.Attempts]);
    }
}
