namespace MultiTrust.Engine;

/// <summary>How an engine run ended.</summary>
/// <param name="Interrupted">True when a stop was requested (Ctrl+C / SIGTERM) before all work was sent.</param>
/// <param name="Abandoned">Items not completed because of a stop (queued, never sent) or an abort (cancelled in flight); not committed, run again on resume.</param>
/// <param name="DatasetHashes">Per task, a hash over the ids of every generated sample in order.</param>
/// <param name="Written">Results written (new responses with their judgments).</param>
/// <param name="Skipped">Keys committed by earlier attempts.</param>
public sealed record EngineResult(bool Interrupted, long Written, long Skipped, long Abandoned, IReadOnlyDictionary<string, string> DatasetHashes)
{
    /// <summary>Committed results judged again (<see cref="EnginePlan.Rejudge"/>) whose new judgments were written.</summary>
    public long Rejudged { get; init; }
}
