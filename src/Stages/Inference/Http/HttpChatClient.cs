using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Stages.Inference.OpenAICompatible;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Inference.Http;

/// <summary>
/// The request lifecycle every HTTP model provider shares (OpenAI-compatible, Azure OpenAI, Anthropic, Gemini): one
/// JSON POST per attempt over a round-robin pool of replica endpoints, through the project's one resilience pipeline
/// (<see cref="ResilienceOptions"/>: timeouts, retries with backoff honouring <c>Retry-After</c> and the provider's own
/// rate-limit signals, adaptive concurrency, circuit breaker), error bodies read with a size cap and keys redacted. A
/// provider is a dialect: how the request is written, where it goes, which headers carry the key, how the answer is read.
/// </summary>
/// <remarks>
/// <para>Thread-safe; meant to be shared by all callers of one model. It owns its <see cref="HttpClient"/> and, when it
/// created it, the handler. Non-streaming only.</para>
/// <para>A final failure throws <see cref="ModelCallException"/> (status Error, Timeout or ContentFiltered) with the
/// attempts made; a provider's safety block or token-limit stop is a normal response whose
/// <see cref="ChatResponse.FinishReason"/> is <see cref="ChatFinishReason.ContentFilter"/> or
/// <see cref="ChatFinishReason.Length"/>. The response carries <see cref="ChatPropertyKeys.Attempts"/> (int). Cancellation
/// of the caller's token throws <see cref="OperationCanceledException"/>.</para>
/// </remarks>
public abstract partial class HttpChatClient : IChatClient
{
    private readonly HttpClient _http;
    private readonly ResilientEndpointPool<ChatResponse> _pool;
    private readonly TimeProvider _timeProvider;
    private readonly string[] _secrets;
    private readonly ChatClientMetadata _metadata;
    private readonly string _displayName;
    private readonly string _model;

    /// <param name="settings">What every provider needs: request URIs, model, limits, resilience, secrets to redact.</param>
    /// <param name="handler">Sends the requests; disposed with the client when <paramref name="disposeHandler"/>.</param>
    private protected HttpChatClient(
        HttpChatSettings settings, HttpMessageHandler handler, bool disposeHandler, TimeProvider? timeProvider, Random? random)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(handler);
        _http = new HttpClient(handler, disposeHandler) { Timeout = Timeout.InfiniteTimeSpan };
        _timeProvider = timeProvider ?? TimeProvider.System;
        _secrets = [.. settings.Secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!)];
        _displayName = settings.DisplayName;
        _model = settings.Model;
        _pool = new ResilientEndpointPool<ChatResponse>(
            settings.RequestUris, settings.MaxConcurrency, settings.Resilience, _timeProvider, random ?? new Random(), Redact);
        _metadata = new ChatClientMetadata(settings.ProviderName, new Uri(RedactedEndpoint.Of(settings.RequestUris[0])), settings.Model);
    }

    /// <summary>The adaptive in-flight limit right now (between its floor and the configured concurrency).</summary>
    public int CurrentConcurrencyLimit => _pool.Limiter.CurrentLimit;

    /// <summary>The lowest the adaptive limit goes: <see cref="ResilienceOptions.ConcurrencyFloor"/> of the configured concurrency.</summary>
    public int ConcurrencyFloor => _pool.Limiter.Floor;

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        using var body = new PooledBufferWriter();
        WriteRequest(body, options?.ModelId ?? _model, messages, options);
        var result = await _pool.SendAsync(
            static (endpoint, state, token) => state.Client.SendOnceAsync(endpoint, state.Body.WrittenMemory, token),
            (Client: this, Body: body),
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new ModelCallException(
                result.Status,
                $"{_displayName} call to {result.Endpoint} (model '{_model}') failed after {result.Attempts} attempt(s): {result.Cause}",
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
            $"{GetType().Name} does not support streaming; call GetResponseAsync (the pipeline needs whole responses).");

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
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes the request body in the provider's wire format; throws <see cref="NotSupportedException"/> for content it cannot carry.</summary>
    private protected abstract void WriteRequest(IBufferWriter<byte> output, string model, IEnumerable<ChatMessage> messages, ChatOptions? options);

    /// <summary>Adds the provider's authentication and version headers to one attempt.</summary>
    private protected abstract void AddHeaders(HttpRequestMessage request);

    /// <summary>Reads a 2xx body; throws <see cref="MalformedResponseException"/> when it is not the expected answer.</summary>
    private protected abstract ChatResponse ReadResponse(JsonElement root);

    /// <summary>
    /// Whether every error body is read so <see cref="ProviderErrorKind"/> and <see cref="ProviderRetryDelay"/> can look at
    /// it (false: only 4xx bodies are read, for the message).
    /// </summary>
    private protected virtual bool ReadsFailureBodies => false;

    /// <summary>
    /// The wait a failed answer asks for beyond a standard <c>Retry-After</c> header (a provider's own rate-limit header
    /// or an error-body field), or null. <paramref name="errorBody"/> is the capped, redacted body.
    /// </summary>
    private protected virtual TimeSpan? ProviderRetryDelay(HttpResponseMessage response, string errorBody, DateTimeOffset now) => null;

    /// <summary>
    /// The provider's error kind in a failed answer's body (for example <c>overloaded_error</c> or
    /// <c>RESOURCE_EXHAUSTED</c>), quoted in the failure cause; null when there is none.
    /// </summary>
    private protected virtual string? ProviderErrorKind(string errorBody) => null;

    /// <summary>
    /// Removes the client's secrets from <paramref name="text"/> (servers sometimes echo a key in an error), also in their
    /// JSON-escaped form. Applied to the whole text before any truncation (a cut key would no longer match).
    /// </summary>
    private protected string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal)
                .Replace(secret.Replace("/", "\\/", StringComparison.Ordinal), "***", StringComparison.Ordinal);
        }

        return text;
    }
}
