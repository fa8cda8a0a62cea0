using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using MultiTrust.Stages.Inference;
using MultiTrust.Stages.Inference.OpenAICompatible;

namespace MultiTrust.Bench.Micro;

/// <summary>
/// The per-request image path of the OpenAI-compatible client with an 80 KB image, through public API only
/// (<c>ChatRequestWriter</c> is internal): the whole <c>GetResponseAsync</c> against an in-memory handler (request JSON
/// writing + response parsing; the handler's copy of the body is included), with the text-only request as baseline, and
/// the pieces the invoker adds per uncached image: SHA-256 check, base64 data URI, <see cref="DataContent"/> parsing.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RequestBenchmarks
{
    private readonly CannedResponseHandler _handler = new();
    private OpenAICompatibleChatClient _client = null!;
    private byte[] _image = [];
    private string _dataUri = string.Empty;
    private ChatMessage[] _textMessage = [];
    private ChatMessage[] _imageMessage = [];
    private readonly ChatOptions _options = new() { ModelId = "bench-model", Temperature = 0, MaxOutputTokens = 512 };

    [GlobalSetup]
    public void Setup()
    {
        _image = new byte[80 * 1024];
        new Random(7).NextBytes(_image);
        _dataUri = new DataContent(_image, "image/png").Uri;
        _client = new OpenAICompatibleChatClient(
            new OpenAICompatibleOptions { Endpoints = [new Uri("http://127.0.0.1:9/v1")], Model = "bench-model", MaxConcurrency = 64 }, _handler);
        const string prompt = "Statement 1: Is the sky in this scene cloudy? Answer yes or no.";
        _textMessage = [new ChatMessage(ChatRole.User, [new TextContent(prompt)])];
        _imageMessage = [new ChatMessage(ChatRole.User, [new DataContent(_dataUri), new TextContent(prompt)])];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _handler.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<ChatResponse> ClientTextOnly() => _client.GetResponseAsync(_textMessage, _options);

    [Benchmark]
    public Task<ChatResponse> ClientWith80KbImage() => _client.GetResponseAsync(_imageMessage, _options);

    [Benchmark]
    public byte[] Sha256Of80Kb() => SHA256.HashData(_image);

    [Benchmark]
    public string DataUriEncode80Kb() => new DataContent(_image, "image/png").Uri;

    [Benchmark]
    public DataContent DataContentFromUri80Kb() => new(_dataUri);
}
