using System.Text;
using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Inference.OpenAICompatible;
using MultiTrust.Testing;

namespace MultiTrust.Stages.Tests.Inference.OpenAICompatible;

public sealed class OpenAICompatibleChatClientTests
{
    [Fact]
    public async Task GetResponseAsync_PlainPrompt_ReturnsServerAnswerWithUsageAndOneAttempt()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var client = ClientFactory.Create(server.BaseUrl);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "What is two plus two?")]);

        Assert.Equal("Echo: What is two plus two?", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(1, response.AdditionalProperties![ChatPropertyKeys.Attempts]);
        Assert.Equal(5, response.Usage!.InputTokenCount);
        Assert.Equal(6, response.Usage.OutputTokenCount);
        Assert.Equal(ClientFactory.Model, server.LastRequest!.Model);
        Assert.Equal("What is two plus two?", server.LastRequest.LastUserText);
    }

    [Fact]
    public async Task GetResponseAsync_ReplyCallback_ReturnsCallbackText()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Reply = request => request.LastUserText!.ToUpperInvariant();
        using var client = ClientFactory.Create(server.BaseUrl);

        var response = await client.GetResponseAsync("shout this");

        Assert.Equal("SHOUT THIS", response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_DataUriImage_SendsExactDataUriBytesUnescaped()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { CaptureBodies = true });
        using var client = ClientFactory.Create(server.BaseUrl);
        var bytes = new byte[3000];
        for (var i = 0; i < bytes.Length; i += 3)
        {
            (bytes[i], bytes[i + 1], bytes[i + 2]) = ((byte)0xFB, (byte)0xEF, (byte)0xBE); // base64 "++++"
        }

        var dataUri = "data:image/png;base64," + Convert.ToBase64String(bytes);
        var message = new ChatMessage(ChatRole.User, [new TextContent("Describe the image."), new DataContent(dataUri)]);

        await client.GetResponseAsync([message]);

        var recorded = server.LastRequest!;
        Assert.Equal([dataUri.Length], recorded.ImageUrlLengths);
        Assert.Equal("Describe the image.", recorded.LastUserText);
        var body = Encoding.UTF8.GetString(recorded.Body!);
        Assert.Contains("{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + dataUri + "\"}}", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u002B", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_ImageFromBytes_SendsDataUriOfThoseBytes()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { CaptureBodies = true });
        using var client = ClientFactory.Create(server.BaseUrl);
        var bytes = Enumerable.Range(0, 999).Select(i => (byte)(i * 7)).ToArray();
        var expected = "data:image/jpeg;base64," + Convert.ToBase64String(bytes);

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, [new DataContent(bytes, "image/jpeg"), new TextContent("Q")])]);

        var body = Encoding.UTF8.GetString(server.LastRequest!.Body!);
        Assert.Contains("\"url\":\"" + expected + "\"", body, StringComparison.Ordinal);
        Assert.Equal([expected.Length], server.LastRequest.ImageUrlLengths);
    }

    [Fact]
    public async Task GetResponseAsync_ChatOptions_SendsDecodingParametersButNeverAdditionalProperties()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { CaptureBodies = true });
        using var client = ClientFactory.Create(server.BaseUrl);
        var options = new ChatOptions
        {
            Temperature = 0.25f,
            MaxOutputTokens = 64,
            TopP = 0.5f,
            Seed = 7,
            StopSequences = ["END", "STOP"],
            AdditionalProperties = new() { [ChatPropertyKeys.Reference] = "the-secret-reference" },
        };

        await client.GetResponseAsync([new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Hi")], options);

        var recorded = server.LastRequest!;
        Assert.Equal(0.25, recorded.Temperature);
        Assert.Equal(64, recorded.MaxTokens);
        Assert.Equal(0.5, recorded.TopP);
        Assert.Equal(7, recorded.Seed);
        Assert.Equal(["END", "STOP"], recorded.Stop);
        Assert.Equal(2, recorded.MessageCount);
        Assert.Equal(["model", "messages", "temperature", "max_tokens", "top_p", "seed", "stop", "stream"], recorded.TopLevelProperties);
        Assert.DoesNotContain("the-secret-reference", Encoding.UTF8.GetString(recorded.Body!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_ApiKey_SentAsBearerHeader()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var client = ClientFactory.Create(ClientFactory.Options([server.BaseUrl], apiKey: "sk-test-0123456789"));

        await client.GetResponseAsync("hello");

        Assert.Equal("Bearer sk-test-0123456789", server.LastRequest!.Authorization);
    }

    [Fact]
    public async Task GetResponseAsync_NoApiKey_SendsNoAuthorizationHeader()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var client = ClientFactory.Create(server.BaseUrl);

        await client.GetResponseAsync("hello");

        Assert.Null(server.LastRequest!.Authorization);
    }

    [Fact]
    public async Task GetResponseAsync_ContentFilterFinish_ReturnsContentFilterReasonWithoutThrowing()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.ContentFilter());
        using var client = ClientFactory.Create(server.BaseUrl);

        var response = await client.GetResponseAsync("something blocked");

        Assert.Equal(ChatFinishReason.ContentFilter, response.FinishReason);
        Assert.Equal(string.Empty, response.Text);
        Assert.Equal(1, response.AdditionalProperties![ChatPropertyKeys.Attempts]);
    }

    [Fact]
    public async Task GetResponseAsync_LengthFinish_ReturnsLengthReasonAndPartialText()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.Length());
        using var client = ClientFactory.Create(server.BaseUrl);

        var response = await client.GetResponseAsync("a long story");

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal("Echo: a long story", response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_EmptyContent_ReturnsEmptyTextWithStop()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.EmptyContent());
        using var client = ClientFactory.Create(server.BaseUrl);

        var response = await client.GetResponseAsync("anything");

        Assert.Equal(string.Empty, response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public void GetStreamingResponseAsync_Always_ThrowsNotSupported()
    {
        using var client = ClientFactory.Create(new Uri("http://127.0.0.1:9/v1"));

        var ex = Assert.Throws<NotSupportedException>(() => client.GetStreamingResponseAsync("hi"));

        Assert.Contains("streaming", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_UnsupportedContent_ThrowsNotSupportedNamingIt()
    {
        using var client = ClientFactory.Create(new Uri("http://127.0.0.1:9/v1"));
        var message = new ChatMessage(ChatRole.User, [new TextContent("x"), new DataContent(new byte[] { 1, 2 }, "audio/wav")]);

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => client.GetResponseAsync([message]));

        Assert.Contains("audio/wav", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetService_ChatClientMetadata_DescribesProviderAndModel()
    {
        using var client = ClientFactory.Create(new Uri("http://127.0.0.1:9/v1"));

        var metadata = client.GetService<ChatClientMetadata>();

        Assert.Equal("openai-compatible", metadata!.ProviderName);
        Assert.Equal(ClientFactory.Model, metadata.DefaultModelId);
    }
}
