using MultiTrust.Stages.Inference.Http;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Inference.Anthropic;

/// <summary>
/// Settings of <see cref="AnthropicChatClient"/>, captured at construction and checked by <see cref="Validate"/>. The API
/// key is read by the caller from the environment variable the pipeline YAML names; it is sent only in the
/// <c>x-api-key</c> header and never appears in <see cref="ToString"/>, logs or exception messages.
/// </summary>
public sealed class AnthropicOptions
{
    /// <summary>The Messages API version header every request carries unless set otherwise.</summary>
    public const string DefaultVersion = "2023-06-01";

    /// <summary>Base URLs, for example <c>https://api.anthropic.com/v1</c>; requests go to <c>{endpoint}/messages</c>, round-robin.</summary>
    public IReadOnlyList<Uri> Endpoints { get; init; } = [];

    /// <summary>The <c>model</c> field, for example <c>claude-sonnet-4-5</c>.</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>The API key (<c>x-api-key</c> header), or null for a gateway that needs none.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The <c>anthropic-version</c> header (default <see cref="DefaultVersion"/>).</summary>
    public string Version { get; init; } = DefaultVersion;

    /// <summary>
    /// <c>max_tokens</c> when the call sets no <c>ChatOptions.MaxOutputTokens</c> (default 1024): the Messages API
    /// requires one.
    /// </summary>
    public int DefaultMaxTokens { get; init; } = 1024;

    /// <summary>Upper bound of HTTP requests in flight (default 16); the adaptive limit starts here.</summary>
    public int MaxConcurrency { get; init; } = 16;

    /// <summary>Timeouts, retries, pauses, adaptive concurrency and circuit breaker; the same settings type as every provider's.</summary>
    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>How long a pooled connection is reused before it is replaced (default 5 min).</summary>
    public TimeSpan PooledConnectionLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        const string owner = nameof(AnthropicOptions);
        ProviderOptionsCheck.Endpoints(owner, Endpoints, "https://api.anthropic.com/v1");
        ProviderOptionsCheck.Required(owner, nameof(Model), Model, "the model name, e.g. claude-sonnet-4-5");
        ProviderOptionsCheck.Required(owner, nameof(Version), Version, "the anthropic-version header, e.g. " + DefaultVersion);
        ProviderOptionsCheck.Secret(owner, nameof(ApiKey), ApiKey);
        if (DefaultMaxTokens <= 0)
        {
            throw new ArgumentException($"{owner}.DefaultMaxTokens must be > 0 (was {DefaultMaxTokens}).", nameof(DefaultMaxTokens));
        }

        ProviderOptionsCheck.Common(owner, MaxConcurrency, PooledConnectionLifetime, Resilience);
    }

    /// <summary>A description without the API key.</summary>
    public override string ToString() =>
        $"AnthropicOptions(Model={Model}, Endpoints={Endpoints.Count}, ApiKey={(ApiKey is null ? "none" : "set")}, Version={Version}, " +
        $"MaxConcurrency={MaxConcurrency})";
}
