using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Inference.OpenAICompatible;
using MultiTrust.Testing;

namespace MultiTrust.Stages.Tests.Inference.OpenAICompatible;

public sealed class OpenAICompatibleChatClientConcurrencyTests
{
    [Theory]
    [InlineData(1, 16)]
    [InlineData(8, 64)]
    public async Task GetResponseAsync_ManyParallelCalls_InFlightNeverExceedsMaxConcurrency(int maxConcurrency, int calls)
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.Slow(TimeSpan.FromMilliseconds(10));
        // A roomy connection pool, so only the client's limiter can hold requests back.
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1000 };
        using var client = new OpenAICompatibleChatClient(
            ClientFactory.Options([server.BaseUrl], maxConcurrency: maxConcurrency), handler);

        var responses = await Task.WhenAll(Enumerable.Range(0, calls).Select(i => client.GetResponseAsync($"p{i}")));

        Assert.All(responses, r => Assert.StartsWith("Echo: p", r.Text, StringComparison.Ordinal));
        Assert.Equal(calls, server.TotalRequests);
        Assert.InRange(server.MaxInFlight, 1, maxConcurrency);
    }

    [Fact]
    public async Task GetResponseAsync_AfterThrottlingWithoutRetryAfter_LimitShrinksToFloorAndBoundsInFlight()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.TooManyRequests(), count: 3);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1000 };
        var options = ClientFactory.Options([server.BaseUrl], maxConcurrency: 8, successesPerIncrease: 1000);
        using var client = new OpenAICompatibleChatClient(options, handler);

        var first = await client.GetResponseAsync("throttled");
        Assert.Equal(4, first.AdditionalProperties![ChatPropertyKeys.Attempts]);
        Assert.Equal(2, client.ConcurrencyFloor);
        Assert.Equal(2, client.CurrentConcurrencyLimit); // 8 -> 4 -> 2, and no lower

        server.ResetMaxInFlight();
        server.Faults.Policy = _ => Fault.Slow(TimeSpan.FromMilliseconds(5));
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => client.GetResponseAsync($"p{i}")));

        Assert.InRange(server.MaxInFlight, 1, 2);
    }

    [Fact]
    public async Task GetResponseAsync_SuccessesAfterThrottle_LimitGrowsBack()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.TooManyRequests());
        var options = ClientFactory.Options([server.BaseUrl], maxConcurrency: 4, successesPerIncrease: 2);
        using var client = ClientFactory.Create(options);

        await client.GetResponseAsync("throttled once"); // 4 -> 2, then one success
        var afterThrottle = client.CurrentConcurrencyLimit;
        for (var i = 0; i < 3; i++)
        {
            await client.GetResponseAsync("ok");
        }

        Assert.Equal(2, afterThrottle);
        Assert.Equal(4, client.CurrentConcurrencyLimit);
    }
}
