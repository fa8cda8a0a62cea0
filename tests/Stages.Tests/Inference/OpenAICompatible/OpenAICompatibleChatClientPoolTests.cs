using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Inference.OpenAICompatible;
using MultiTrust.Stages.Resilience;
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

    [Fact]
    public async Task GetResponseAsync_OneReplicaKeepsFailing_ItsCircuitOpensAndCallsGoStraightToTheOther()
    {
        await using var broken = await LoopbackModelServer.StartAsync();
        await using var healthy = await LoopbackModelServer.StartAsync();
        broken.Faults.Policy = _ => Fault.ServerError();
        var options = ClientFactory.Options([broken.BaseUrl, healthy.BaseUrl]);
        using var client = ClientFactory.Create(new OpenAICompatibleOptions
        {
            Endpoints = options.Endpoints,
            Model = options.Model,
            Resilience = new ResilienceOptions
            {
                BaseDelay = TimeSpan.FromMilliseconds(1),
                MaxDelay = TimeSpan.FromMilliseconds(20),
                BreakerMinimumThroughput = 5,
                BreakDuration = TimeSpan.FromMinutes(5),
            },
        });

        var responses = new List<ChatResponse>();
        for (var i = 0; i < 40; i++)
        {
            responses.Add(await client.GetResponseAsync($"prompt {i}"));
        }

        Assert.All(responses, r => Assert.StartsWith("Echo: prompt", r.Text, StringComparison.Ordinal));
        Assert.InRange(broken.TotalRequests, 5, 7); // what opened the circuit, and nothing after
        Assert.Equal(40, healthy.TotalRequests);
        Assert.All(responses.Skip(20), r => Assert.Equal(1, r.AdditionalProperties![ChatPropertyKeys.Attempts]));
    }
}
