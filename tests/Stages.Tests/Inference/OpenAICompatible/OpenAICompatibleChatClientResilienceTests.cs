using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Testing;

namespace MultiTrust.Stages.Tests.Inference.OpenAICompatible;

public sealed class OpenAICompatibleChatClientResilienceTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task GetResponseAsync_ThreeTooManyRequests_SucceedsOnFourthAttempt(int retryAfterSeconds)
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.TooManyRequests(retryAfterSeconds), count: 3);
        using var client = ClientFactory.Create(server.BaseUrl); // MaxDelay 20 ms caps Retry-After: 1.

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("Echo: hi", response.Text);
        Assert.Equal(4, response.AdditionalProperties![ChatPropertyKeys.Attempts]);
        Assert.Equal(4, server.TotalRequests);
    }

    [Fact]
    public async Task GetResponseAsync_BadRequestWithContentFilterCode_ThrowsContentFilteredWithoutRetry()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.Error(400, "The prompt was filtered by the provider's content policy.", "content_filter");
        using var client = ClientFactory.Create(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(ResponseStatus.ContentFiltered, ex.Status);
        Assert.Equal(1, server.TotalRequests);
    }

    [Fact]
    public async Task GetResponseAsync_KeyEchoedDeepInLongErrorBody_NeverInMessage()
    {
        const string key = "sk-proj-" + "0123456789abcdefghijklmnopqrstuvwxyz/ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghij";
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.Error(401, new string('x', 120) + " Incorrect API key provided: " + key);
        using var client = ClientFactory.Create(ClientFactory.Options([server.BaseUrl], apiKey: key));

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Contains("HTTP 401", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key[..24], ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdefghijklmnopqrstuvwxyz", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_ServerErrorsBeyondRetries_ThrowsErrorWithAllAttempts()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.ServerError();
        using var client = ClientFactory.Create(ClientFactory.Options([server.BaseUrl], maxRetries: 2));

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(ResponseStatus.Error, ex.Status);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(3, server.TotalRequests);
        Assert.Contains("HTTP 500", ex.Message, StringComparison.Ordinal);
        Assert.Contains(server.BaseUrl.Authority, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task GetResponseAsync_EndpointWithUserInfo_MessageNamesHostWithoutUserInfo()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.ServerError();
        var withUserInfo = new UriBuilder(server.BaseUrl) { UserName = "alice", Password = "s3cret-pass" }.Uri;
        using var client = ClientFactory.Create(ClientFactory.Options([withUserInfo], maxRetries: 0));

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Contains($"{server.BaseUrl.Authority}/v1/chat/completions", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("alice", ex.Message, StringComparison.Ordinal);
        var metadata = (ChatClientMetadata)client.GetService(typeof(ChatClientMetadata))!;
        Assert.DoesNotContain("s3cret-pass", metadata.ProviderUri!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_HugeErrorBody_FailsWithASnippetOfIt()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.Error(400, "bad request " + new string('x', 2_000_000));
        using var client = ClientFactory.Create(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(ResponseStatus.Error, ex.Status);
        Assert.Contains("HTTP 400 (BadRequest): {", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bad request xxx", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 500, $"message of {ex.Message.Length} characters");
    }

    [Fact]
    public async Task GetResponseAsync_SlowerThanTimeoutEveryTime_ThrowsTimeout()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.Slow(TimeSpan.FromSeconds(30)), count: 2);
        var options = ClientFactory.Options([server.BaseUrl], maxRetries: 1, requestTimeout: TimeSpan.FromMilliseconds(200));
        using var client = ClientFactory.Create(options);

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(ResponseStatus.Timeout, ex.Status);
        Assert.Equal(2, ex.Attempts);
    }

    [Fact]
    public async Task GetResponseAsync_SlowOnceThenFast_RetriesAfterTimeout()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.Slow(TimeSpan.FromSeconds(30)));
        var options = ClientFactory.Options([server.BaseUrl], requestTimeout: TimeSpan.FromSeconds(1));
        using var client = ClientFactory.Create(options);

        var response = await client.GetResponseAsync("hi");

        Assert.Equal(2, response.AdditionalProperties![ChatPropertyKeys.Attempts]);
    }

    public static TheoryData<string> BrokenBodies => new() { nameof(Fault.MalformedJson), nameof(Fault.TruncatedBody), nameof(Fault.ConnectionReset) };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task GetResponseAsync_BrokenResponseOnce_RetriesAndSucceeds(string fault)
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Create(fault), count: 2);
        using var client = ClientFactory.Create(server.BaseUrl);

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("Echo: hi", response.Text);
        Assert.Equal(3, response.AdditionalProperties![ChatPropertyKeys.Attempts]);
    }

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task GetResponseAsync_BrokenResponseEveryTime_ThrowsError(string fault)
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Create(fault);
        using var client = ClientFactory.Create(ClientFactory.Options([server.BaseUrl], maxRetries: 2));

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(ResponseStatus.Error, ex.Status);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(3, server.TotalRequests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task GetResponseAsync_ClientError_FailsWithoutRetry(int status)
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.Status(status));
        using var client = ClientFactory.Create(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(ResponseStatus.Error, ex.Status);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(1, server.TotalRequests);
        Assert.Contains($"HTTP {status}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_RequestTimeoutStatus_IsRetried()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.Status(408));
        using var client = ClientFactory.Create(server.BaseUrl);

        var response = await client.GetResponseAsync("hi");

        Assert.Equal(2, response.AdditionalProperties![ChatPropertyKeys.Attempts]);
    }

    [Fact]
    public async Task GetResponseAsync_FailureWithApiKey_KeyAbsentFromExceptionMessages()
    {
        const string key = "sk-very-secret-key-42";
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.Status(401));
        server.Faults.Enqueue(Fault.ServerError(), count: 4);
        using var client = ClientFactory.Create(ClientFactory.Options([server.BaseUrl], apiKey: key));

        var unauthorized = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));
        var exhausted = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Equal($"Bearer {key}", server.LastRequest!.Authorization);
        foreach (var ex in new Exception[] { unauthorized, exhausted })
        {
            Assert.DoesNotContain(key, ex.ToString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(key, client.Options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancels_ThrowsOperationCanceledNotModelCallException()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var cts = new CancellationTokenSource();
        server.Faults.Policy = _ =>
        {
            cts.Cancel(); // The caller gives up while the server is still working on the request.
            return Fault.Slow(TimeSpan.FromSeconds(30));
        };
        using var client = ClientFactory.Create(server.BaseUrl);

        var ex = await Record.ExceptionAsync(() => client.GetResponseAsync("hi", cancellationToken: cts.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
        Assert.Equal(1, server.TotalRequests);
    }

    private static Fault Create(string fault) => fault switch
    {
        nameof(Fault.MalformedJson) => Fault.MalformedJson(),
        nameof(Fault.TruncatedBody) => Fault.TruncatedBody(),
        nameof(Fault.ConnectionReset) => Fault.ConnectionReset(),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };
}
