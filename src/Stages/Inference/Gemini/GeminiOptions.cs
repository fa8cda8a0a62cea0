using MultiTrust.Stages.Inference.Http;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Inference.Gemini;

/// <summary>
/// Settings of <see cref="GeminiChatClient"/>, captured at construction and checked by <see cref="Validate"/>. The API key
/// is read by the caller from the environment variable the pipeline YAML names; it is sent only in the
/// <c>x-goog-api-key</c> header (never in the URL) and never appears in <see cref="ToString"/>, logs or messages.
/// </summary>
public sealed class GeminiOptions
{
    /// <summary>
    /// Base URLs, for example <c>https://generativelanguage.googleapis.com/v1beta</c>; requests go to
    /// <c>{endpoint}/models/{Model}:generateContent</c>, round-robin.
    /// </summary>
    public IReadOnlyList<Uri> Endpoints { get; init; } = [];

    /// <summary>The model, for example <c>gemini-2.5-flash</c> (part of the request URL).</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>The API key (<c>x-goog-api-key</c> header), or null for a gateway that needs none.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Upper bound of HTTP requests in flight (default 16); the adaptive limit starts here.</summary>
    public int MaxConcurrency { get; init; } = 16;

    /// <summary>Timeouts, retries, pauses, adaptive concurrency and circuit breaker; the same settings type as every provider's.</summary>
    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>How long a pooled connection is reused before it is replaced (default 5 min).</summary>
    public TimeSpan PooledConnectionLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        const string owner = nameof(GeminiOptions);
        ProviderOptionsCheck.Endpoints(owner, Endpoints, "https://generativelanguage.googleapis.com/v1beta");
        ProviderOptionsCheck.Required(owner, nameof(Model), Model, "the model name, e.g. gemini-2.5-flash");
        if (Model.AsSpan().IndexOfAny('/', '?', '#') >= 0 || Model.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{owner}.Model '{Model}' must be a bare model name (no '/', ':', '?' or '#'), e.g. gemini-2.5-flash.", nameof(Model));
        }

        ProviderOptionsCheck.Secret(owner, nameof(ApiKey), ApiKey);
        ProviderOptionsCheck.Common(owner, MaxConcurrency, PooledConnectionLifetime, Resilience);
    }

    /// <summary>A description without the API key.</summary>
    public override string ToString() =>
        $"GeminiOptions(Model={Model}, Endpoints={Endpoints.Count}, ApiKey={(ApiKey is null ? "none" : "set")}, MaxConcurrency={MaxConcurrency})";
}
