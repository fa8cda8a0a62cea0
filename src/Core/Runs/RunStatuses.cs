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

    /// <summary>
    /// Finished like <see cref="Complete"/>, but some judgments are <c>judge_error</c> (a judge service failed): resumable,
    /// and a resume only judges those responses again (so does <c>rejudge --errors-only</c>); then it is complete.
    /// </summary>
    public const string CompleteWithJudgeErrors = "complete_with_judge_errors";

    /// <summary>True when the run finished: its metrics and report cover every sample.</summary>
    public static bool IsFinished(string status) => status is Complete or CompleteWithJudgeErrors;

    /// <summary>The status of a finished run with <paramref name="judgeErrors"/> judge_error judgments left.</summary>
    public static string Finished(long judgeErrors) => judgeErrors > 0 ? CompleteWithJudgeErrors : Complete;
}
