namespace MultiTrust.Core.Pipeline;

/// <summary>A model under test as declared in the pipeline file.</summary>
/// <param name="Id">Id stored on every row (default: the provider for baselines, <c>provider/model</c> otherwise).</param>
/// <param name="Provider">Provider kind: <c>openai-compatible</c>, <c>azure-openai</c>, <c>anthropic</c>, <c>gemini</c> or a <c>baseline:*</c> name.</param>
/// <param name="Endpoints">Base URLs of the replicas (OpenAI-compatible: ending in <c>/v1</c>).</param>
/// <param name="Model">Model name sent to the server (Azure OpenAI: the deployment name).</param>
/// <param name="Concurrency">Maximum requests in flight for this model.</param>
/// <param name="Timeout">Per-attempt timeout (one HTTP request; a retry gets a fresh one).</param>
/// <param name="MaxRetries">Retries after the first attempt.</param>
/// <param name="ApiKeyEnv">Name of the environment variable holding the API key (the key itself is never in the file).</param>
public sealed record ModelDefinition(
    string Id,
    string Provider,
    IReadOnlyList<string> Endpoints,
    string? Model,
    int Concurrency,
    TimeSpan Timeout,
    int MaxRetries,
    string? ApiKeyEnv,
    GenerationParameters Generation,
    SourceLocation Location)
{
    /// <summary>
    /// Optional snapshot label of the served weights (for example a date or a checkpoint hash). Part of the response-cache
    /// key and of the run id: bump it when the weights behind the same model name change, so yesterday's cached answers
    /// are not reused.
    /// </summary>
    public string? Revision { get; init; }

    /// <summary>
    /// Time allowed for one whole call, retries and waits included (<c>total_timeout</c>); null lets the client derive
    /// it so every attempt may time out and still be retried.
    /// </summary>
    public TimeSpan? TotalTimeout { get; init; }

    /// <summary>Azure OpenAI only: the environment variable holding a Microsoft Entra ID access token (sent as a bearer token).</summary>
    public string? EntraTokenEnv { get; init; }

    /// <summary>Azure OpenAI only: the <c>api-version</c> query parameter; null uses the client's default.</summary>
    public string? ApiVersion { get; init; }

    public bool IsBaseline => Provider.StartsWith(ProviderNames.BaselinePrefix, StringComparison.Ordinal);
}
