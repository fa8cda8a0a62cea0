namespace MultiTrust.Core.Records;

/// <summary>The typed outcome of one judge applied to one response.</summary>
public enum JudgmentStatus
{
    /// <summary>The judge reached a verdict.</summary>
    Ok,

    /// <summary>The response supports more than one verdict (for example both "yes" and "no").</summary>
    Ambiguous,

    /// <summary>The judge found no verdict in the response.</summary>
    Unparseable,

    /// <summary>The judge itself failed (LLM or classifier judge call error).</summary>
    JudgeError,

    /// <summary>The response was a failure (error, timeout, filter, empty): nothing to judge, excluded from metrics.</summary>
    Skipped,
}
