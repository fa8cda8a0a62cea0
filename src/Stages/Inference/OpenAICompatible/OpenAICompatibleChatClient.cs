using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Inference.Http;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Inference.OpenAICompatible;

/// <summary>
/// An <see cref="IChatClient"/> for OpenAI-compatible <c>/v1/chat/completions</c> servers (vLLM, SGLang, Ollama,
/// llama.cpp server, LM Studio, TGI, OpenAI), non-streaming, over a round-robin pool of replica endpoints. With
/// <see cref="OpenAICompatibleOptions.Api"/> = <see cref="OpenAICompatibleApi.Completions"/> it calls the raw-text
/// <c>/v1/completions</c> endpoint instead (one user message sent as <c>prompt</c>, answer read from <c>choices[0].text</c>).
/// </summary>
/// <remarks>
/// <para>Thread-safe; meant to be shared by all callers of one model. It owns one <see cref="SocketsHttpHandler"/>
/// (unless a handler is passed in, which the caller keeps owning) and the project's one resilience pipeline
/// (<see cref="OpenAICompatibleOptions.Resilience"/>), shared with the judges; see <see cref="HttpChatClient"/>.</para>
/// <para>Each attempt has the per-attempt timeout; the whole call the total timeout. Retried: 408, 429, 5xx, timeouts,
/// connection failures, malformed or truncated bodies, with jittered exponential backoff; each retry goes to the next
/// endpoint, around one whose circuit is open. A <c>Retry-After</c> pauses new sends to its endpoint until then. Other
/// 4xx fail at once (a 4xx whose error code is <c>content_filter</c> as ContentFiltered). A final failure throws
/// <see cref="ModelCallException"/> (status Error, Timeout or ContentFiltered) with the attempts made; a
/// <c>content_filter</c> or <c>length</c> finish is a normal response with that <see cref="ChatResponse.FinishReason"/>.
/// The response carries <see cref="ChatPropertyKeys.Attempts"/> (int) in its additional properties. Cancellation of the
/// caller's token throws <see cref="OperationCanceledException"/>.</para>
/// </remarks>
public sealed class OpenAICompatibleChatClient : HttpChatClient
{
    private readonly OpenAICompatibleOptions _options;
    private readonly string? _authorization;

    /// <summary>Creates a client with its own <see cref="SocketsHttpHandler"/>.</summary>
    /// <param name="options">Validated here; captured.</param>
    /// <param name="timeProvider">Time for timeouts and backoff; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="random">Jitter source (seed it for reproducible delays); a new unseeded one when null.</param>
    public OpenAICompatibleChatClient(OpenAICompatibleOptions options, TimeProvider? timeProvider = null, Random? random = null)
        : this(options, CreateHandler(options), disposeHandler: true, timeProvider, random)
    {
    }

    /// <summary>Creates a client that sends through <paramref name="handler"/>; the caller keeps ownership of it.</summary>
    public OpenAICompatibleChatClient(
        OpenAICompatibleOptions options, HttpMessageHandler handler, TimeProvider? timeProvider = null, Random? random = null)
        : this(options, handler, disposeHandler: false, timeProvider, random)
    {
    }

    private OpenAICompatibleChatClient(
        OpenAICompatibleOptions options, HttpMessageHandler handler, bool disposeHandler, TimeProvider? timeProvider, Random? random)
        : base(Settings(options), handler, disposeHandler, timeProvider, random)
    {
        _options = options;
        _authorization = options.ApiKey is null ? null : "Bearer " + options.ApiKey;
    }

    /// <summary>The options this client was built with.</summary>
    public OpenAICompatibleOptions Options => _options;

    private protected override void WriteRequest(IBufferWriter<byte> output, string model, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        if (_options.Api == OpenAICompatibleApi.Completions)
        {
            ChatRequestWriter.WriteCompletion(output, model, messages, options);
        }
        else
        {
            ChatRequestWriter.Write(output, model, messages, options);
        }
    }

    private protected override void AddHeaders(HttpRequestMessage request)
    {
        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }
    }

    private protected override ChatResponse ReadResponse(JsonElement root) => ChatResponseReader.Read(root, _options.Api);

    /// <summary><c>{base}/{route}</c>, e.g. <c>http://host:8000/v1/chat/completions</c>.</summary>
    internal static Uri RequestUri(Uri baseUrl, string route) =>
        new(baseUrl.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped).TrimEnd('/') + "/" + route, UriKind.Absolute);

    private static HttpChatSettings Settings(OpenAICompatibleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var route = options.Api == OpenAICompatibleApi.Completions ? "completions" : "chat/completions";
        return new HttpChatSettings(
            "openai-compatible", "OpenAI-compatible", [.. options.Endpoints.Select(e => RequestUri(e, route))], options.Model,
            options.MaxConcurrency, options.Resilience, [options.ApiKey]);
    }

    private static SocketsHttpHandler CreateHandler(OpenAICompatibleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return HttpChatHandler.Create(options.MaxConcurrency, options.PooledConnectionLifetime);
    }
}
