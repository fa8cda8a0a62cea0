using MultiTrust.Stages.Inference.Http;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Inference.AzureOpenAI;

/// <summary>
/// Settings of <see cref="AzureOpenAIChatClient"/>, captured at construction and checked by <see cref="Validate"/>. Exactly
/// one credential may be set: an API key (sent as the <c>api-key</c> header) or a Microsoft Entra ID access token (sent
/// as <c>Authorization: Bearer</c>); each is read by the caller from the environment variable the pipeline YAML names
/// and never appears in <see cref="ToString"/>, logs or messages.
/// </summary>
public sealed class AzureOpenAIOptions
{
    /// <summary>The <c>api-version</c> query parameter unless set otherwise (a GA version of the data-plane API).</summary>
    public const string DefaultApiVersion = "2024-10-21";

    /// <summary>
    /// Resource URLs, for example <c>https://my-resource.openai.azure.com</c>; requests go to
    /// <c>{endpoint}/openai/deployments/{Deployment}/chat/completions?api-version={ApiVersion}</c>, round-robin.
    /// </summary>
    public IReadOnlyList<Uri> Endpoints { get; init; } = [];

    /// <summary>The deployment name (part of the URL; also sent as <c>model</c>).</summary>
    public string Deployment { get; init; } = string.Empty;

    /// <summary>The <c>api-version</c> query parameter (default <see cref="DefaultApiVersion"/>).</summary>
    public string ApiVersion { get; init; } = DefaultApiVersion;

    /// <summary>The resource key (<c>api-key</c> header), or null.</summary>
    public string? ApiKey { get; init; }

    /// <summary>A Microsoft Entra ID access token (<c>Authorization: Bearer</c>), or null.</summary>
    public string? EntraToken { get; init; }

    /// <summary>Upper bound of HTTP requests in flight (default 16); the adaptive limit starts here.</summary>
    public int MaxConcurrency { get; init; } = 16;

    /// <summary>Timeouts, retries, pauses, adaptive concurrency and circuit breaker; the same settings type as every provider's.</summary>
    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>How long a pooled connection is reused before it is replaced (default 5 min).</summary>
    public TimeSpan PooledConnectionLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        const string owner = nameof(AzureOpenAIOptions);
        ProviderOptionsCheck.Endpoints(owner, Endpoints, "https://my-resource.openai.azure.com");
        ProviderOptionsCheck.Required(owner, nameof(Deployment), Deployment, "the deployment name");
        if (Deployment.AsSpan().IndexOfAny('/', '?', '#') >= 0)
        {
            throw new ArgumentException($"{owner}.Deployment '{Deployment}' must be a bare deployment name (no '/', '?' or '#').", nameof(Deployment));
        }

        ProviderOptionsCheck.Required(owner, nameof(ApiVersion), ApiVersion, "the api-version query parameter, e.g. " + DefaultApiVersion);
        if (!ApiVersion.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
        {
            throw new ArgumentException($"{owner}.ApiVersion '{ApiVersion}' is not an api-version such as {DefaultApiVersion}.", nameof(ApiVersion));
        }

        ProviderOptionsCheck.Secret(owner, nameof(ApiKey), ApiKey);
        ProviderOptionsCheck.Secret(owner, nameof(EntraToken), EntraToken);
        if (ApiKey is not null && EntraToken is not null)
        {
            throw new ArgumentException($"{owner} takes an ApiKey or an EntraToken, not both.", nameof(EntraToken));
        }

        ProviderOptionsCheck.Common(owner, MaxConcurrency, PooledConnectionLifetime, Resilience);
    }

    /// <summary>A description without the credential.</summary>
    public override string ToString() =>
        $"AzureOpenAIOptions(Deployment={Deployment}, ApiVersion={ApiVersion}, Endpoints={Endpoints.Count}, " +
        $"Auth={(ApiKey is not null ? "api-key" : EntraToken is not null ? "entra-token" : "none")}, MaxConcurrency={MaxConcurrency})";
}
