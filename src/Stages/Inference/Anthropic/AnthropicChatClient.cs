using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MultiTrust.Stages.Inference.Http;

namespace MultiTrust.Stages.Inference.Anthropic;

/// <summary>
/// An <see cref="IChatClient"/> for the Anthropic Messages API (<c>POST {endpoint}/messages</c>), non-streaming, over the
/// shared request lifecycle and resilience pipeline of <see cref="HttpChatClient"/>. Images go as base64 <c>image</c>
/// blocks (URLs as <c>url</c> sources); system text as the top-level <c>system</c> field.
/// </summary>
/// <remarks>
/// <para>Authentication: <c>x-api-key</c> and <c>anthropic-version</c> headers. Error shapes: <c>rate_limit_error</c>
/// (429) and <c>overloaded_error</c> (529) are retried like any throttle or 5xx, their <c>retry-after</c> honoured and,
/// without it, the <c>anthropic-ratelimit-*-reset</c> time; the error type is named in the final failure.
/// <c>stop_reason</c> <c>max_tokens</c> → <see cref="ChatFinishReason.Length"/>, <c>refusal</c> →
/// <see cref="ChatFinishReason.ContentFilter"/>. Thread-safe; see <see cref="HttpChatClient"/> for the rest.</para>
/// <para>The official Anthropic SDK is not used: this client needs its requests to go through the project's one
/// resilience pipeline and its byte-exact request writer (the request hash covers the payload).</para>
/// </remarks>
public sealed class AnthropicChatClient : HttpChatClient
{
    private static readonly string[] s_resetHeaders =
        ["anthropic-ratelimit-requests-reset", "anthropic-ratelimit-tokens-reset", "anthropic-ratelimit-input-tokens-reset", "anthropic-ratelimit-output-tokens-reset"];

    private readonly AnthropicOptions _options;

    /// <summary>Creates a client with its own <see cref="SocketsHttpHandler"/>.</summary>
    public AnthropicChatClient(AnthropicOptions options, TimeProvider? timeProvider = null, Random? random = null)
        : this(options, CreateHandler(options), disposeHandler: true, timeProvider, random)
    {
    }

    /// <summary>Creates a client that sends through <paramref name="handler"/>; the caller keeps ownership of it.</summary>
    public AnthropicChatClient(AnthropicOptions options, HttpMessageHandler handler, TimeProvider? timeProvider = null, Random? random = null)
        : this(options, handler, disposeHandler: false, timeProvider, random)
    {
    }

    private AnthropicChatClient(
        AnthropicOptions options, HttpMessageHandler handler, bool disposeHandler, TimeProvider? timeProvider, Random? random)
        : base(Settings(options), handler, disposeHandler, timeProvider, random)
    {
        _options = options;
    }

    /// <summary>The options this client was built with.</summary>
    public AnthropicOptions Options => _options;

    private protected override bool ReadsFailureBodies => true;

    private protected override void WriteRequest(IBufferWriter<byte> output, string model, IEnumerable<ChatMessage> messages, ChatOptions? options) =>
        AnthropicRequestWriter.Write(output, model, messages, options, _options.DefaultMaxTokens);

    private protected override void AddHeaders(HttpRequestMessage request)
    {
        if (_options.ApiKey is { } key)
        {
            request.Headers.TryAddWithoutValidation("x-api-key", key);
        }

        request.Headers.TryAddWithoutValidation("anthropic-version", _options.Version);
    }

    private protected override ChatResponse ReadResponse(JsonElement root) => AnthropicResponseReader.Read(root);

    /// <summary><c>error.type</c> of <c>{"type":"error","error":{"type":"overloaded_error",...}}</c>.</summary>
    private protected override string? ProviderErrorKind(string errorBody) => ErrorJson.StringAt(errorBody, "error", "type");

    /// <summary>Without <c>retry-after</c>: the earliest <c>anthropic-ratelimit-*-reset</c> time (RFC 3339) still ahead.</summary>
    private protected override TimeSpan? ProviderRetryDelay(HttpResponseMessage response, string errorBody, DateTimeOffset now)
    {
        TimeSpan? earliest = null;
        foreach (var name in s_resetHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values)
                && DateTimeOffset.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reset)
                && reset > now
                && (earliest is null || reset - now < earliest))
            {
                earliest = reset - now;
            }
        }

        return earliest;
    }

    private static HttpChatSettings Settings(AnthropicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new HttpChatSettings(
            "anthropic", "Anthropic", [.. options.Endpoints.Select(e => ProviderOptionsCheck.Route(e, "messages"))], options.Model,
            options.MaxConcurrency, options.Resilience, [options.ApiKey]);
    }

    private static SocketsHttpHandler CreateHandler(AnthropicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return HttpChatHandler.Create(options.MaxConcurrency, options.PooledConnectionLifetime);
    }
}
