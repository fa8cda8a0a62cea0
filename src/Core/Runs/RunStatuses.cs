namespace MultiTrust.Core.Runs;

/// <summary>The <c>status</c> values of a run card.</summary>
public static class RunStatuses
{
    /// <summary>Being written, or killed while it was (no process holds its lock): resumable.</summary>
    public const string Running = "running";

    /// <summary>Stopped by Ctrl+C / SIGTERM after committing what was complete: resumable.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>Stopped by a systemic failure after committing what was complete: resumable once the cause is fixed.</summary>
    public const string Failed = "failed";

    /// <summary>Every row committed and metrics, scores, catalog and report written: never resumed.</summary>
    public const string Complete = "complete";
}
