using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MultiTrust.Stages.Inference.Http;
using MultiTrust.Stages.Inference.OpenAICompatible;

namespace MultiTrust.Stages.Inference.AzureOpenAI;

/// <summary>
/// An <see cref="IChatClient"/> for Azure OpenAI chat completions
/// (<c>POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=...</c>), non-streaming, over the
/// shared request lifecycle and resilience pipeline of <see cref="HttpChatClient"/>. The body is the OpenAI one (images as
/// <c>image_url</c> data URIs).
/// </summary>
/// <remarks>
/// <para>Authentication: the <c>api-key</c> header, or a Microsoft Entra ID token as <c>Authorization: Bearer</c>. A
/// prompt refused by Azure's content filter (a 400 whose <c>error.code</c> is <c>content_filter</c>) fails at once as
/// ContentFiltered; a completion stopped by it (<c>finish_reason</c> <c>content_filter</c>) and one stopped at the token
/// limit (<c>length</c>) are normal responses with that finish reason. A 429 is retried, honouring <c>Retry-After</c>
/// or, without it, <c>retry-after-ms</c>. The deployment is part of the URL, so a per-call <c>ChatOptions.ModelId</c>
/// must name it. Thread-safe.</para>
/// </remarks>
public sealed class AzureOpenAIChatClient : HttpChatClient
{
    private readonly AzureOpenAIOptions _options;

    /// <summary>Creates a client with its own <see cref="SocketsHttpHandler"/>.</summary>
    public AzureOpenAIChatClient(AzureOpenAIOptions options, TimeProvider? timeProvider = null, Random? random = null)
        : this(options, CreateHandler(options), disposeHandler: true, timeProvider, random)
    {
    }

    /// <summary>Creates a client that sends through <paramref name="handler"/>; the caller keeps ownership of it.</summary>
    public AzureOpenAIChatClient(AzureOpenAIOptions options, HttpMessageHandler handler, TimeProvider? timeProvider = null, Random? random = null)
        : this(options, handler, disposeHandler: false, timeProvider, random)
    {
    }

    private AzureOpenAIChatClient(
        AzureOpenAIOptions options, HttpMessageHandler handler, bool disposeHandler, TimeProvider? timeProvider, Random? random)
        : base(Settings(options), handler, disposeHandler, timeProvider, random)
    {
        _options = options;
    }

    /// <summary>The options this client was built with.</summary>
    public AzureOpenAIOptions Options => _options;

    private protected override bool ReadsFailureBodies => true;

    private protected override void WriteRequest(IBufferWriter<byte> output, string model, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        if (!string.Equals(model, _options.Deployment, StringComparison.Ordinal))
        {
            throw new NotSupportedException(
                $"The Azure OpenAI client sends to the configured deployment's URL ('{_options.Deployment}'); ChatOptions.ModelId '{model}' names another.");
        }

        ChatRequestWriter.Write(output, model, messages, options);
    }

    private protected override void AddHeaders(HttpRequestMessage request)
    {
        if (_options.ApiKey is { } key)
        {
            request.Headers.TryAddWithoutValidation("api-key", key);
        }
        else if (_options.EntraToken is { } token)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }
    }

    private protected override ChatResponse ReadResponse(JsonElement root) => ChatResponseReader.Read(root);

    /// <summary><c>error.code</c> of <c>{"error":{"code":"429",...}}</c>.</summary>
    private protected override string? ProviderErrorKind(string errorBody) => ErrorJson.StringAt(errorBody, "error", "code");

    /// <summary>The <c>retry-after-ms</c> header Azure sends with a 429.</summary>
    private protected override TimeSpan? ProviderRetryDelay(HttpResponseMessage response, string errorBody, DateTimeOffset now) =>
        response.Headers.TryGetValues("retry-after-ms", out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
        && ms >= 0 && ms < TimeSpan.MaxValue.TotalMilliseconds
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    private static HttpChatSettings Settings(AzureOpenAIOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var route = $"openai/deployments/{Uri.EscapeDataString(options.Deployment)}/chat/completions?api-version={Uri.EscapeDataString(options.ApiVersion)}";
        return new HttpChatSettings(
            "azure-openai", "Azure OpenAI", [.. options.Endpoints.Select(e => ProviderOptionsCheck.Route(e, route))], options.Deployment,
            options.MaxConcurrency, options.Resilience, [options.ApiKey, options.EntraToken]);
    }

    private static SocketsHttpHandler CreateHandler(AzureOpenAIOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return HttpChatHandler.Create(options.MaxConcurrency, options.PooledConnectionLifetime);
    }
}
