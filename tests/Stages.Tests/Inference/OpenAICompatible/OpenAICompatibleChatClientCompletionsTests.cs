using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Inference.OpenAICompatible;
using MultiTrust.Testing;

namespace MultiTrust.Stages.Tests.Inference.OpenAICompatible;

public sealed class OpenAICompatibleChatClientCompletionsTests
{
    private const string RawPrompt = "[INST] <<SYS>>\nYou are a classifier.\n<</SYS>>\n\nBehavior: x\nGeneration: y\n\nAnswer: [/INST]";

    private static OpenAICompatibleChatClient Completions(Uri endpoint, string? apiKey = null) =>
        ClientFactory.Create(new OpenAICompatibleOptions
        {
            Endpoints = [endpoint],
            Model = ClientFactory.Model,
            ApiKey = apiKey,
            Api = OpenAICompatibleApi.Completions,
            Resilience = ClientFactory.FastResilience(),
        });

    [Fact]
    public async Task GetResponseAsync_CompletionsMode_PostsRawPromptWithoutMessages()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { CaptureBodies = true });
        using var client = Completions(server.BaseUrl);

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, RawPrompt)], new ChatOptions { Temperature = 0, MaxOutputTokens = 1 });

        var recorded = server.LastRequest!;
        Assert.Null(recorded.ParseError);
        Assert.Equal(["model", "prompt", "temperature", "max_tokens", "stream"], recorded.TopLevelProperties);
        Assert.Equal(0, recorded.MessageCount);
        Assert.Equal(RawPrompt, recorded.LastUserText);
        Assert.Equal(1, recorded.MaxTokens);
        Assert.Equal(0.0, recorded.Temperature);
        using var body = JsonDocument.Parse(recorded.Body!);
        Assert.Equal(RawPrompt, body.RootElement.GetProperty("prompt").GetString());
        Assert.Equal(ClientFactory.Model, body.RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public async Task GetResponseAsync_CompletionsMode_ReadsChoiceTextFinishReasonAndUsage()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Reply = _ => " Yes";
        using var client = Completions(server.BaseUrl);

        var response = await client.GetResponseAsync("one two three");

        Assert.Equal(" Yes", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(3, response.Usage!.InputTokenCount);
        Assert.Equal(1, response.Usage.OutputTokenCount);
        Assert.Equal("cmpl-loopback-1", response.ResponseId);
        Assert.Equal(1, response.AdditionalProperties![ChatPropertyKeys.Attempts]);
    }

    [Fact]
    public async Task GetResponseAsync_CompletionsModeLengthFinish_ReturnsLengthReasonAndText()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.Length());
        using var client = Completions(server.BaseUrl);

        var response = await client.GetResponseAsync("hi");

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal("Echo: hi", response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_CompletionsModeTooManyRequestsWithRetryAfter_RetriesAndSucceeds()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.TooManyRequests(retryAfterSeconds: 1), count: 2);
        using var client = Completions(server.BaseUrl); // MaxDelay 20 ms caps Retry-After: 1.

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("Echo: hi", response.Text);
        Assert.Equal(3, response.AdditionalProperties![ChatPropertyKeys.Attempts]);
        Assert.All(server.Requests, r => Assert.Equal("hi", r.LastUserText));
    }

    [Fact]
    public async Task GetResponseAsync_CompletionsModeServerErrors_RetriesThenThrowsModelCallExceptionNamingCompletionsUrl()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.ServerError();
        using var client = Completions(server.BaseUrl, apiKey: "sk-secret-123456");

        var error = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(ResponseStatus.Error, error.Status);
        Assert.Equal(4, error.Attempts);
        Assert.Equal(4, server.TotalRequests);
        Assert.Contains("/v1/completions", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/chat/completions", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret-123456", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_CompletionsModeTwoServerErrors_SucceedsOnThirdAttempt()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.ServerError(), count: 2);
        using var client = Completions(server.BaseUrl);

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("Echo: hi", response.Text);
        Assert.Equal(3, response.AdditionalProperties![ChatPropertyKeys.Attempts]);
    }

    [Fact]
    public async Task GetResponseAsync_CompletionsModeImage_ThrowsNotSupportedNamingTheMode()
    {
        using var client = Completions(new Uri("http://127.0.0.1:9/v1"));
        var message = new ChatMessage(ChatRole.User, [new TextContent("what is this?"), new DataContent(new byte[] { 1, 2, 3 }, "image/png")]);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => client.GetResponseAsync([message]));

        Assert.Contains("Completions mode", error.Message, StringComparison.Ordinal);
        Assert.Contains("image/png", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_CompletionsModeSystemPrompt_ThrowsNotSupportedNamingTheMode()
    {
        using var client = Completions(new Uri("http://127.0.0.1:9/v1"));

        var error = await Assert.ThrowsAsync<NotSupportedException>(
            () => client.GetResponseAsync([new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Hi")]));

        Assert.Contains("Completions mode", error.Message, StringComparison.Ordinal);
        Assert.Contains("system", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_ChatModeExplicit_SendsTheSameBytesAsTheDefault()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { CaptureBodies = true });
        using var byDefault = ClientFactory.Create(server.BaseUrl);
        var options = ClientFactory.Options([server.BaseUrl]);
        using var explicitChat = ClientFactory.Create(new OpenAICompatibleOptions
        {
            Endpoints = options.Endpoints,
            Model = options.Model,
            Api = OpenAICompatibleApi.Chat,
        });
        var chatOptions = new ChatOptions { Temperature = 0, MaxOutputTokens = 1 };

        await byDefault.GetResponseAsync([new ChatMessage(ChatRole.User, RawPrompt)], chatOptions);
        await explicitChat.GetResponseAsync([new ChatMessage(ChatRole.User, RawPrompt)], chatOptions);

        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(["model", "messages", "temperature", "max_tokens", "stream"], requests[0].TopLevelProperties);
        Assert.Equal(requests[0].BodySha256, requests[1].BodySha256);
        Assert.StartsWith("{\"model\":\"test-model\",\"messages\":[{\"role\":\"user\",\"content\":", Encoding.UTF8.GetString(requests[0].Body!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UndefinedApi_ThrowsNamingTheField()
    {
        var options = new OpenAICompatibleOptions { Endpoints = [new Uri("http://127.0.0.1:9/v1")], Model = "m", Api = (OpenAICompatibleApi)7 };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("Api", error.Message, StringComparison.Ordinal);
    }
}
