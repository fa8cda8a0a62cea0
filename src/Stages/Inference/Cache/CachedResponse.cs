using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Inference.Cache;

/// <summary>A cached model outcome. <paramref name="Text"/> is null unless the status carries text.</summary>
public sealed record CachedResponse(ResponseStatus Status, string? Text, string? FinishReason, int? InputTokens, int? OutputTokens)
{
    /// <summary>
    /// True for the deterministic outcomes a cache may keep: answered, truncated, content-filtered and empty. Errors
    /// and timeouts are never cached, so the next run retries them.
    /// </summary>
    public static bool IsCacheable(ResponseStatus status) =>
        status is ResponseStatus.Answered or ResponseStatus.Truncated or ResponseStatus.ContentFiltered or ResponseStatus.Empty;
}
