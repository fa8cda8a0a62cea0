using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;

namespace MultiTrust.Stages.Inference.OpenAICompatible;

/// <summary>
/// An <see cref="IChatClient"/> for OpenAI-compatible <c>/v1/chat/completions</c> servers (vLLM, SGLang, Ollama,
/// llama.cpp server, LM Studio, TGI, OpenAI), non-streaming, over a round-robin pool of replica endpoints. With
/// <see cref="OpenAICompatibleOptions.Api"/> = <see cref="OpenAICompatibleApi.Completions"/> it calls the raw-text
/// <c>/v1/completions</c> endpoint instead (one user message sent as <c>prompt</c>, answer read from <c>choices[0].text</c>).
/// </summary>
/// <remarks>
/// <para>Thread-safe; meant to be shared by all callers of one model. It owns one <see cref="SocketsHttpHandler"/>
/// (unless a handler is passed in, which the caller keeps owning) and an <see cref="AdaptiveConcurrencyLimiter"/> that
/// bounds its in-flight HTTP requests.</para>
/// <para>Each attempt has <see cref="OpenAICompatibleOptions.RequestTimeout"/>. Retried: 408, 429, 5xx, timeouts,
/// connection failures, malformed or truncated bodies, with exponential backoff and full jitter or the server's
/// <c>Retry-After</c>, capped by <see cref="OpenAICompatibleOptions.MaxDelay"/>; each retry goes to the next endpoint.
/// Other 4xx fail at once (a 4xx whose error code is <c>content_filter</c> as ContentFiltered). A final failure throws
/// <see cref="ModelCallException"/> (status Error, Timeout or ContentFiltered); a
/// <c>content_filter</c> or <c>length</c> finish is a normal response with that <see cref="ChatResponse.FinishReason"/>.
/// The response carries <see cref="ChatPropertyKeys.Attempts"/> (int) in its additional properties. Cancellation of the
/// caller's token throws <see cref="OperationCanceledException"/>.</para>
/// </remarks>
public sealed partial class OpenAICompatibleChatClient : IChatClient
{
    private readonly OpenAICompatibleOptions _options;
    private readonly HttpClient _http;
    private readonly EndpointPool _endpoints;
    private readonly AdaptiveConcurrencyLimiter _limiter;
    private readonly TimeProvider _timeProvider;
    private readonly Random _random;
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
        _endpoints = new EndpointPool(options.Endpoints, options.Api == OpenAICompatibleApi.Completions ? "completions" : "chat/completions");
        _limiter = new AdaptiveConcurrencyLimiter(options.MaxConcurrency, options.SuccessesPerConcurrencyIncrease);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _random = random ?? new Random();
        _authorization = options.ApiKey is null ? null : "Bearer " + options.ApiKey;
        _metadata = new ChatClientMetadata("openai-compatible", options.Endpoints[0], options.Model);
    }

    /// <summary>The options this client was built with.</summary>
    public OpenAICompatibleOptions Options => _options;

    /// <summary>The adaptive in-flight limit right now (between 1 and <see cref="OpenAICompatibleOptions.MaxConcurrency"/>).</summary>
    public int CurrentConcurrencyLimit => _limiter.CurrentLimit;

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

        var start = _endpoints.NextStart();
        for (var attempt = 1; ; attempt++)
        {
            var endpoint = _endpoints.Get(start, attempt - 1);
            var lease = await _limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
            var signal = ConcurrencySignal.Failure;
            AttemptOutcome outcome;
            try
            {
                outcome = await SendOnceAsync(endpoint, body.WrittenMemory, cancellationToken).ConfigureAwait(false);
                signal = outcome.Signal;
            }
            finally
            {
                _limiter.Release(lease, signal);
            }

            if (outcome.Response is { } response)
            {
                response.AdditionalProperties ??= [];
                response.AdditionalProperties[ChatPropertyKeys.Attempts] = attempt;
                return response;
            }

            if (!outcome.Retryable || attempt > _options.MaxRetries)
            {
                throw new ModelCallException(
                    outcome.FailureStatus,
                    $"OpenAI-compatible call to {endpoint.Display} (model '{_options.Model}') failed after {attempt} attempt(s): {outcome.Cause}",
                    attempt,
                    outcome.Exception);
            }

            var delay = RetryBackoff.ComputeDelay(attempt, outcome.RetryAfter, NextJitter(), _options.BaseDelay, _options.MaxDelay);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
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

    public void Dispose() => _http.Dispose();

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

    private double NextJitter()
    {
        lock (_random)
        {
            return _random.NextDouble();
        }
    }
}
