namespace MultiTrust.Stages.Inference.Cache;

/// <summary>
/// Which entries a response cache answers from, and which run its puts are recorded for. A run's cache records every
/// put with the run's id; without <see cref="ReuseOtherRuns"/> a lookup only finds entries this run wrote (what resuming
/// it needs), with it any entry of the same request and served model.
/// </summary>
/// <param name="RunId">The run recorded on puts and, unless <paramref name="ReuseOtherRuns"/>, required on lookups; null
/// for a cache not tied to a run.</param>
/// <param name="ReuseOtherRuns">Whether lookups may return entries other runs (or no run) wrote.</param>
public sealed record ResponseCacheScope(string? RunId, bool ReuseOtherRuns)
{
    /// <summary>Every entry, whoever wrote it (the default; the judge-output cache).</summary>
    public static ResponseCacheScope Shared { get; } = new(null, true);

    /// <summary>The entries run <paramref name="runId"/> wrote, plus those of other runs when <paramref name="reuseOtherRuns"/>.</summary>
    public static ResponseCacheScope ForRun(string runId, bool reuseOtherRuns)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return new ResponseCacheScope(runId, reuseOtherRuns);
    }
}
