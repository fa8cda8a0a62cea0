namespace MultiTrust.Core.Records;

/// <summary>
/// One model call's outcome for a (sample, variant, model). <see cref="Text"/> is null unless
/// <see cref="ResponseStatusNames.HasText"/> holds for <see cref="Status"/>; failures carry <see cref="Error"/> instead,
/// so nothing downstream can mistake a failure for an answer or a refusal.
/// </summary>
public sealed record ModelResponse(
    string SampleId,
    string VariantId,
    string ModelId,
    string TaskId,
    string RequestHash,
    ResponseStatus Status,
    string? Text,
    string? FinishReason,
    string? Error,
    double LatencyMs,
    int? InputTokens,
    int? OutputTokens,
    int Attempts,
    bool CacheHit,
    string ImageSha256s);
