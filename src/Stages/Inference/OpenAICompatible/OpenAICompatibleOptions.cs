using MultiTrust.Core.Pipeline;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Inference.OpenAICompatible;

/// <summary>
/// Settings of <see cref="OpenAICompatibleChatClient"/>, captured at construction and checked by <see cref="Validate"/>.
/// The API key is a value supplied by the caller (read from the environment variable the pipeline YAML names); it is
/// sent only as a <c>Bearer</c> header and never appears in <see cref="ToString"/>, logs or exception messages.
/// </summary>
public sealed class OpenAICompatibleOptions
{
    /// <summary>
    /// Base URLs of the replicas serving the model, for example <c>http://10.0.0.5:8000/v1</c>; requests go to
    /// <c>{endpoint}/chat/completions</c> (or <c>{endpoint}/completions</c> in Completions mode), round-robin. At least one
    /// absolute http(s) URI is required.
    /// </summary>
    public IReadOnlyList<Uri> Endpoints { get; init; } = [];

    /// <summary>The <c>model</c> field sent with every request (a <c>ChatOptions.ModelId</c> overrides it per call).</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>
    /// <see cref="OpenAICompatibleApi.Chat"/> (default): <c>{endpoint}/chat/completions</c>;
    /// <see cref="OpenAICompatibleApi.Completions"/>: <c>{endpoint}/completions</c> with the user message as a raw prompt.
    /// </summary>
    public OpenAICompatibleApi Api { get; init; } = OpenAICompatibleApi.Chat;

    /// <summary>The API key value, or null for servers that need none.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Upper bound of HTTP requests in flight for this client (default 16); the adaptive limit starts here.</summary>
    public int MaxConcurrency { get; init; } = 16;

    /// <summary>
    /// Timeouts, retries, the <c>Retry-After</c> pause, the adaptive concurrency limit and the circuit breaker (defaults: 120 s
    /// per attempt, 3 retries, see <see cref="ResilienceOptions"/>); the same settings type as the judges'.
    /// </summary>
    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>How long a pooled connection is reused before it is replaced (default 5 min), so DNS changes are seen.</summary>
    public TimeSpan PooledConnectionLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (Endpoints is null || Endpoints.Count == 0)
        {
            throw new ArgumentException("OpenAICompatibleOptions.Endpoints must list at least one endpoint URL.", nameof(Endpoints));
        }

        for (var i = 0; i < Endpoints.Count; i++)
        {
            var endpoint = Endpoints[i];
            if (endpoint is null || !endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException(
                    $"OpenAICompatibleOptions.Endpoints[{i}] '{RedactedEndpoint.Of(endpoint?.OriginalString)}' is not an absolute http(s) URL.", nameof(Endpoints));
            }

            if (!string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment))
            {
                throw new ArgumentException(
                    $"OpenAICompatibleOptions.Endpoints[{i}] must be a base URL without query or fragment (e.g. http://host:8000/v1).", nameof(Endpoints));
            }
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            throw new ArgumentException("OpenAICompatibleOptions.Model is required.", nameof(Model));
        }

        if (!Enum.IsDefined(Api))
        {
            throw new ArgumentException($"OpenAICompatibleOptions.Api '{(int)Api}' is not Chat or Completions.", nameof(Api));
        }

        if (ApiKey is not null && (ApiKey.Length == 0 || ApiKey.AsSpan().IndexOfAny('\r', '\n') >= 0))
        {
            throw new ArgumentException("OpenAICompatibleOptions.ApiKey is empty or contains a line break.", nameof(ApiKey));
        }

        Positive(MaxConcurrency, nameof(MaxConcurrency));
        if (PooledConnectionLifetime <= TimeSpan.Zero && PooledConnectionLifetime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException(
                $"OpenAICompatibleOptions.PooledConnectionLifetime must be > 0 (was {PooledConnectionLifetime}).", nameof(PooledConnectionLifetime));
        }

        if (Resilience is null)
        {
            throw new ArgumentException("OpenAICompatibleOptions.Resilience is required.", nameof(Resilience));
        }

        Resilience.Validate();
    }

    /// <summary>A description without the API key.</summary>
    public override string ToString() =>
        $"OpenAICompatibleOptions(Model={Model}, Endpoints={Endpoints.Count}, ApiKey={(ApiKey is null ? "none" : "set")}, " +
        $"MaxConcurrency={MaxConcurrency}, RequestTimeout={Resilience.RequestTimeout}, MaxRetries={Resilience.MaxRetries})";

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentException($"OpenAICompatibleOptions.{name} must be > 0 (was {value}).", name);
        }
    }
}
