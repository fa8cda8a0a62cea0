namespace MultiTrust.Engine;

/// <summary>How an engine run ended.</summary>
/// <param name="Interrupted">True when a stop was requested (Ctrl+C / SIGTERM) before all work was sent.</param>
/// <param name="Abandoned">Items not completed because of a stop (queued, never sent) or an abort (cancelled in flight); not committed, run again on resume.</param>
/// <param name="DatasetHashes">Per task, a hash over the ids of every generated sample in order.</param>
public sealed record EngineResult(bool Interrupted, long Written, long Skipped, long Abandoned, IReadOnlyDictionary<string, string> DatasetHashes);
