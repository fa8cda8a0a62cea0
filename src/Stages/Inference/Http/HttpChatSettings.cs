using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Inference.Http;

/// <summary>What <see cref="HttpChatClient"/> needs from a provider's validated options.</summary>
/// <param name="ProviderName">The provider kind reported in <c>ChatClientMetadata</c>, e.g. <c>anthropic</c>.</param>
/// <param name="DisplayName">How failure messages name the provider, e.g. <c>Anthropic</c>.</param>
/// <param name="RequestUris">Where attempts are posted, one per replica (may carry a query; never printed whole).</param>
/// <param name="Model">The configured model (or deployment) name.</param>
/// <param name="MaxConcurrency">Attempts in flight at most.</param>
/// <param name="Resilience">The shared resilience settings.</param>
/// <param name="Secrets">Keys and tokens to redact from every message.</param>
internal sealed record HttpChatSettings(
    string ProviderName,
    string DisplayName,
    IReadOnlyList<Uri> RequestUris,
    string Model,
    int MaxConcurrency,
    ResilienceOptions Resilience,
    IReadOnlyList<string?> Secrets);
