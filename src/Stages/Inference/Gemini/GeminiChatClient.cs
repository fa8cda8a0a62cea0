using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MultiTrust.Stages.Inference.Http;

namespace MultiTrust.Stages.Inference.Gemini;

/// <summary>
/// An <see cref="IChatClient"/> for the Gemini API's <c>generateContent</c> REST method
/// (<c>POST {endpoint}/models/{model}:generateContent</c>), non-streaming, over the shared request lifecycle and resilience
/// pipeline of <see cref="HttpChatClient"/>. Images go as <c>inline_data</c> parts (base64 with their MIME type).
/// </summary>
/// <remarks>
/// <para>Authentication: the <c>x-goog-api-key</c> header. A prompt blocked by safety settings
/// (<c>promptFeedback.blockReason</c>, no candidates) and a candidate stopped by <c>SAFETY</c>, <c>RECITATION</c>,
/// <c>BLOCKLIST</c>, <c>PROHIBITED_CONTENT</c>, <c>SPII</c> or <c>IMAGE_SAFETY</c> → <see cref="ChatFinishReason.ContentFilter"/>;
/// <c>MAX_TOKENS</c> → <see cref="ChatFinishReason.Length"/>. A 429 <c>RESOURCE_EXHAUSTED</c> is retried, its
/// <c>RetryInfo.retryDelay</c> honoured when no <c>Retry-After</c> header is present; 500/503 (<c>UNAVAILABLE</c>,
/// overloaded) are retried as 5xx. The model is part of the URL, so a per-call <c>ChatOptions.ModelId</c> must name the
/// configured model. Thread-safe.</para>
/// </remarks>
public sealed class GeminiChatClient : HttpChatClient
{
    private readonly GeminiOptions _options;

    /// <summary>Creates a client with its own <see cref="SocketsHttpHandler"/>.</summary>
    public GeminiChatClient(GeminiOptions options, TimeProvider? timeProvider = null, Random? random = null)
        : this(options, CreateHandler(options), disposeHandler: true, timeProvider, random)
    {
    }

    /// <summary>Creates a client that sends through <paramref name="handler"/>; the caller keeps ownership of it.</summary>
    public GeminiChatClient(GeminiOptions options, HttpMessageHandler handler, TimeProvider? timeProvider = null, Random? random = null)
        : this(options, handler, disposeHandler: false, timeProvider, random)
    {
    }

    private GeminiChatClient(GeminiOptions options, HttpMessageHandler handler, bool disposeHandler, TimeProvider? timeProvider, Random? random)
        : base(Settings(options), handler, disposeHandler, timeProvider, random)
    {
        _options = options;
    }

    /// <summary>The options this client was built with.</summary>
    public GeminiOptions Options => _options;

    private protected override bool ReadsFailureBodies => true;

    private protected override void WriteRequest(IBufferWriter<byte> output, string model, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        if (!string.Equals(model, _options.Model, StringComparison.Ordinal))
        {
            throw new NotSupportedException(
                $"The Gemini client sends to the configured model's URL ('{_options.Model}'); ChatOptions.ModelId '{model}' names another model.");
        }

        GeminiRequestWriter.Write(output, messages, options);
    }

    private protected override void AddHeaders(HttpRequestMessage request)
    {
        if (_options.ApiKey is { } key)
        {
            request.Headers.TryAddWithoutValidation("x-goog-api-key", key);
        }
    }

    private protected override ChatResponse ReadResponse(JsonElement root) => GeminiResponseReader.Read(root, _options.Model);

    /// <summary><c>error.status</c> of <c>{"error":{"code":429,"status":"RESOURCE_EXHAUSTED",...}}</c>.</summary>
    private protected override string? ProviderErrorKind(string errorBody) => ErrorJson.StringAt(errorBody, "error", "status");

    /// <summary>The <c>retryDelay</c> (e.g. <c>"30s"</c>) of a <c>google.rpc.RetryInfo</c> entry in <c>error.details</c>.</summary>
    private protected override TimeSpan? ProviderRetryDelay(HttpResponseMessage response, string errorBody, DateTimeOffset now)
    {
        if (ErrorJson.ElementAt(errorBody, "error", "details") is not { ValueKind: JsonValueKind.Array } details)
        {
            return null;
        }

        foreach (var detail in details.EnumerateArray())
        {
            if (detail.ValueKind == JsonValueKind.Object
                && detail.TryGetProperty("retryDelay"u8, out var delay)
                && delay.ValueKind == JsonValueKind.String
                && delay.GetString() is { Length: > 1 } text
                && text.EndsWith('s')
                && double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }

        return null;
    }

    private static HttpChatSettings Settings(GeminiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var route = "models/" + Uri.EscapeDataString(options.Model) + ":generateContent";
        return new HttpChatSettings(
            "gemini", "Gemini", [.. options.Endpoints.Select(e => ProviderOptionsCheck.Route(e, route))], options.Model,
            options.MaxConcurrency, options.Resilience, [options.ApiKey]);
    }

    private static SocketsHttpHandler CreateHandler(GeminiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return HttpChatHandler.Create(options.MaxConcurrency, options.PooledConnectionLifetime);
    }
}
