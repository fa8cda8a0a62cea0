namespace MultiTrust.Core.Records;

/// <summary>
/// The typed outcome of one model call. Only <see cref="Answered"/> and <see cref="Truncated"/> carry model text that a
/// judge may read; every other status is a failure recorded as data and excluded from metric denominators.
/// </summary>
public enum ResponseStatus
{
    /// <summary>The model returned a complete, non-empty answer.</summary>
    Answered,

    /// <summary>The provider blocked the request or the output (finish reason <c>content_filter</c>).</summary>
    ContentFiltered,

    /// <summary>The call failed (HTTP error after retries, malformed body, connection failure).</summary>
    Error,

    /// <summary>The call did not finish within the per-request timeout, after retries.</summary>
    Timeout,

    /// <summary>The answer stopped at the token limit (finish reason <c>length</c>); the partial text is kept.</summary>
    Truncated,

    /// <summary>The model returned no text.</summary>
    Empty,
}
