using System.Security.Cryptography;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Inference.Http;
using MultiTrust.Stages.Resilience;
using MultiTrust.Testing;

namespace MultiTrust.Stages.Tests.Inference.Providers;

/// <summary>
/// The loopback fault matrix every HTTP model provider passes, each against a server speaking its own wire format:
/// answers, images as bytes, throttling with a retry delay, server errors and overload, timeouts, malformed and truncated
/// bodies, safety blocks, token-limit stops, key redaction. One subclass per provider.
/// </summary>
public abstract class ChatProviderContractTests
{
    protected const string Key = "sk-contract-0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>The status the provider answers with when overloaded (Anthropic 529, others 503).</summary>
    protected virtual int OverloadedStatus => 503;

    /// <summary>A client of this provider for <paramref name="server"/>.</summary>
    private protected abstract HttpChatClient Create(LoopbackModelServer server, ResilienceOptions resilience, string? apiKey = Key, TimeProvider? time = null);

    /// <summary>Where this provider's key arrived in <paramref name="request"/>.</summary>
    protected abstract string? SentKey(RecordedRequest request);

    /// <summary>Resilience settings with tiny delays so the matrix stays fast.</summary>
    protected static ResilienceOptions Fast(int maxRetries = 3, TimeSpan? requestTimeout = null, TimeSpan? maxDelay = null, TimeSpan? totalTimeout = null) => new()
    {
        RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10),
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = maxDelay ?? TimeSpan.FromMilliseconds(20),
        TotalTimeout = totalTimeout ?? TimeSpan.FromSeconds(30), // Ample on a loaded machine: only the per-attempt timeout is under test.
    };

    [Fact]
    public async Task GetResponseAsync_PlainPrompt_ReturnsAnswerUsageAndKeyInItsHeader()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var client = Create(server, Fast());

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "hello there")], new ChatOptions { MaxOutputTokens = 64, Temperature = 0 });

        Assert.Equal("Echo: hello there", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(2, response.Usage!.InputTokenCount);
        Assert.Equal(3, response.Usage.OutputTokenCount);
        Assert.Equal(1, response.AdditionalProperties![ChatPropertyKeys.Attempts]);
        var request = Assert.Single(server.Requests);
        Assert.Null(request.ParseError);
        Assert.Equal(64, request.MaxTokens);
        Assert.Equal(0, request.Temperature);
        Assert.Equal(Key, SentKey(request));
    }

    [Fact]
    public async Task GetResponseAsync_Image_ServerReceivesExactBytesBeforeText()
    {
        var png = new byte[300];
        new Random(7).NextBytes(png); // Random bytes give '+' and '/' in base64, which must arrive unescaped in meaning.
        await using var server = await LoopbackModelServer.StartAsync();
        using var client = Create(server, Fast());

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, [new DataContent(png, "image/png"), new TextContent("what is shown?")])]);

        Assert.Equal("Echo: what is shown?", response.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal([Convert.ToHexStringLower(SHA256.HashData(png))], request.ImageSha256s);
    }

    [Fact]
    public async Task GetResponseAsync_ThrottledWithRetryDelay_RetriesAndSucceeds()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.TooManyRequests(retryAfterSeconds: 1), count: 2);
        using var client = Create(server, Fast()); // MaxDelay 20 ms caps the 1 s the server asks for.

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("Echo: hi", response.Text);
        Assert.Equal(3, response.AdditionalProperties![ChatPropertyKeys.Attempts]);
        Assert.Equal(3, server.TotalRequests);
    }

    [Fact]
    public Task GetResponseAsync_ThrottledWithRetryDelay_PausesUntilTheDelayHasPassed() =>
        AssertPausedUntilDelayPassedAsync(Fault.TooManyRequests(retryAfterSeconds: 30));

    /// <summary>
    /// After <paramref name="throttle"/> (a 429 asking for 30 s), the retry waits on the (fake) clock: not sent after
    /// 25 s, sent once 35 s have passed.
    /// </summary>
    protected async Task AssertPausedUntilDelayPassedAsync(Fault throttle)
    {
        ArgumentNullException.ThrowIfNull(throttle);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow); // Anthropic's reset header is a wall-clock time.
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(throttle);
        using var client = Create(server, Fast(maxDelay: TimeSpan.FromMinutes(2), totalTimeout: TimeSpan.FromMinutes(10)), time: time);

        var call = client.GetResponseAsync("hi");
        await WaitForRequestsAsync(server, 1);
        await Task.Delay(200); // Lets the client read the 429 and pause the endpoint at fake time 0.
        time.Advance(TimeSpan.FromSeconds(25));
        await Task.Delay(200);
        Assert.Equal(1, server.TotalRequests); // Still paused: the provider asked for 30 s.
        Assert.False(call.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(10));
        var response = await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("Echo: hi", response.Text);
        Assert.Equal(2, server.TotalRequests);
    }

    [Fact]
    public async Task GetResponseAsync_ServerErrorsBeyondRetries_ThrowsErrorWithAttempts()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.ServerError();
        using var client = Create(server, Fast(maxRetries: 2));

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(ResponseStatus.Error, ex.Status);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(3, server.TotalRequests);
        Assert.Contains("HTTP 500", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_Overloaded_RetriesThenSucceeds()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.Status(OverloadedStatus), count: 2);
        using var client = Create(server, Fast());

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("Echo: hi", response.Text);
        Assert.Equal(3, response.AdditionalProperties![ChatPropertyKeys.Attempts]);
    }

    [Fact]
    public async Task GetResponseAsync_OverloadedBeyondRetries_MessageNamesTheStatus()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.Status(OverloadedStatus);
        using var client = Create(server, Fast(maxRetries: 1));

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(ResponseStatus.Error, ex.Status);
        Assert.Contains($"HTTP {OverloadedStatus}", ex.Message, StringComparison.Ordinal);
        AssertNamesOverload(ex.Message);
    }

    /// <summary>Providers whose error body names the overload check that the message carries that name.</summary>
    protected virtual void AssertNamesOverload(string message)
    {
    }

    [Fact]
    public async Task GetResponseAsync_NoAnswerWithinAttemptTimeout_ThrowsTimeout()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.Hang();
        using var client = Create(server, Fast(maxRetries: 1, requestTimeout: TimeSpan.FromMilliseconds(300)));

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(ResponseStatus.Timeout, ex.Status);
        Assert.Equal(2, ex.Attempts);
    }

    [Fact]
    public async Task GetResponseAsync_SlowThenFast_SecondAttemptAnswers()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.Hang());
        using var client = Create(server, Fast(requestTimeout: TimeSpan.FromMilliseconds(300)));

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("Echo: hi", response.Text);
        Assert.Equal(2, response.AdditionalProperties![ChatPropertyKeys.Attempts]);
    }

    [Fact]
    public async Task GetResponseAsync_MalformedThenTruncatedBody_RetriedUntilAnswered()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.MalformedJson());
        server.Faults.Enqueue(Fault.TruncatedBody());
        using var client = Create(server, Fast());

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("Echo: hi", response.Text);
        Assert.Equal(3, response.AdditionalProperties![ChatPropertyKeys.Attempts]);
    }

    [Fact]
    public async Task GetResponseAsync_AlwaysMalformed_ThrowsErrorNamingTheBody()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.MalformedJson();
        using var client = Create(server, Fast(maxRetries: 1));

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(ResponseStatus.Error, ex.Status);
        Assert.Contains("malformed response body", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_SafetyBlock_FinishReasonContentFilterWithoutText()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.ContentFilter());
        using var client = Create(server, Fast());

        var response = await client.GetResponseAsync("something unsafe");

        Assert.Equal(ChatFinishReason.ContentFilter, response.FinishReason);
        Assert.True(string.IsNullOrEmpty(response.Text));
        Assert.Equal(1, server.TotalRequests);
    }

    [Fact]
    public async Task GetResponseAsync_MaxTokensStop_FinishReasonLengthKeepsText()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.Length());
        using var client = Create(server, Fast());

        var response = await client.GetResponseAsync("long answer please");

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal("Echo: long answer please", response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_BadRequest_FailsAtOnceWithBodyAndWithoutKey()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.Error(400, "bad field; your key was " + Key);
        using var client = Create(server, Fast());

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(ResponseStatus.Error, ex.Status);
        Assert.Equal(1, server.TotalRequests);
        Assert.Contains("HTTP 400", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bad field", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_Instructions_ReachTheServerWithoutBreakingTheRequest()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { CaptureBodies = true });
        using var client = Create(server, Fast());

        var response = await client.GetResponseAsync("hi", new ChatOptions { Instructions = "Answer briefly." });

        Assert.Equal("Echo: hi", response.Text);
        var body = System.Text.Encoding.UTF8.GetString(Assert.Single(server.Requests).Body!);
        Assert.Contains("Answer briefly.", body, StringComparison.Ordinal);
    }

    private static async Task WaitForRequestsAsync(LoopbackModelServer server, int count)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (server.TotalRequests < count)
        {
            await Task.Delay(5, guard.Token);
        }
    }
}
