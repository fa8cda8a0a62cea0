using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;
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
/// (unless a handler is passed in, which the caller keeps owning) and a <see cref="ResilientEndpointPool{T}"/>: the
/// project's one resilience pipeline (<see cref="OpenAICompatibleOptions.Resilience"/>), shared with the judges.</para>
/// <para>Each attempt has the per-attempt timeout; the whole call the total timeout. Retried: 408, 429, 5xx, timeouts,
/// connection failures, malformed or truncated bodies, with jittered exponential backoff; each retry goes to the next
/// endpoint, around one whose circuit is open. A <c>Retry-After</c> pauses new sends to its endpoint until then. Other
/// 4xx fail at once (a 4xx whose error code is <c>content_filter</c> as ContentFiltered). A final failure throws
/// <see cref="ModelCallException"/> (status Error, Timeout or ContentFiltered) with the attempts made; a
/// <c>content_filter</c> or <c>length</c> finish is a normal response with that <see cref="ChatResponse.FinishReason"/>.
/// The response carries <see cref="ChatPropertyKeys.Attempts"/> (int) in its additional properties. Cancellation of the
/// caller's token throws <see cref="OperationCanceledException"/>.</para>
/// </remarks>
public sealed partial class OpenAICompatibleChatClient : IChatClient
{
    private readonly OpenAICompatibleOptions _options;
    private readonly HttpClient _http;
    private readonly ResilientEndpointPool<ChatResponse> _pool;
    private readonly TimeProvider _timeProvider;
    private readonly string? _authorization;
    private readonly ChatClientMetadata _metadata;

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
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        options.Validate();
        _options = options;
        _http = new HttpClient(handler, disposeHandler) { Timeout = Timeout.InfiniteTimeSpan };
        _timeProvider = timeProvider ?? TimeProvider.System;
        var route = options.Api == OpenAICompatibleApi.Completions ? "completions" : "chat/completions";
        _pool = new ResilientEndpointPool<ChatResponse>(
            [.. options.Endpoints.Select(e => RequestUri(e, route))], options.MaxConcurrency, options.Resilience, _timeProvider,
            random ?? new Random(), Redact);
        _authorization = options.ApiKey is null ? null : "Bearer " + options.ApiKey;
        _metadata = new ChatClientMetadata("openai-compatible", new Uri(RedactedEndpoint.Of(options.Endpoints[0])), options.Model);
    }

    /// <summary>The options this client was built with.</summary>
    public OpenAICompatibleOptions Options => _options;

    /// <summary>The adaptive in-flight limit right now (between its floor and <see cref="OpenAICompatibleOptions.MaxConcurrency"/>).</summary>
    public int CurrentConcurrencyLimit => _pool.Limiter.CurrentLimit;

    /// <summary>The lowest the adaptive limit goes: <see cref="ResilienceOptions.ConcurrencyFloor"/> of the configured concurrency.</summary>
    public int ConcurrencyFloor => _pool.Limiter.Floor;

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        using var body = new PooledBufferWriter();
        var model = options?.ModelId ?? _options.Model;
        if (_options.Api == OpenAICompatibleApi.Completions)
        {
            ChatRequestWriter.WriteCompletion(body, model, messages, options);
        }
        else
        {
            ChatRequestWriter.Write(body, model, messages, options);
        }

        var result = await _pool.SendAsync(
            static (endpoint, state, token) => state.Client.SendOnceAsync(endpoint, state.Body.WrittenMemory, token),
            (Client: this, Body: body),
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new ModelCallException(
                result.Status,
                $"OpenAI-compatible call to {result.Endpoint} (model '{_options.Model}') failed after {result.Attempts} attempt(s): {result.Cause}",
                result.Attempts,
                result.Exception);
        }

        var response = result.Value!;
        response.AdditionalProperties ??= [];
        response.AdditionalProperties[ChatPropertyKeys.Attempts] = result.Attempts;
        return response;
    }

    /// <summary>Not supported: the pipeline uses whole responses only.</summary>
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(
            "OpenAICompatibleChatClient does not support streaming; call GetResponseAsync (the pipeline needs whole responses).");

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return _metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        _pool.Dispose();
        _http.Dispose();
    }

    /// <summary><c>{base}/{route}</c>, e.g. <c>http://host:8000/v1/chat/completions</c>.</summary>
    private static Uri RequestUri(Uri baseUrl, string route) =>
        new(baseUrl.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped).TrimEnd('/') + "/" + route, UriKind.Absolute);

    private static SocketsHttpHandler CreateHandler(OpenAICompatibleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.MaxConcurrency,
            PooledConnectionLifetime = options.PooledConnectionLifetime,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            UseCookies = false,
            AllowAutoRedirect = false,
        };
    }
}
