using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Resilience;

/// <summary>
/// The result of one attempt against one endpoint: a value, or a classified failure. Failures are values, not
/// exceptions; the resilience pipeline decides from them whether to retry, pause the endpoint or count a fault against
/// its circuit.
/// </summary>
internal sealed class AttemptOutcome<T>
{
    private AttemptOutcome(T? value, bool succeeded)
    {
        Value = value;
        Succeeded = succeeded;
    }

    public T? Value { get; }

    public bool Succeeded { get; }

    /// <summary>The typed status a final failure leaves on its row (Error, Timeout or ContentFiltered).</summary>
    public ResponseStatus FailureStatus { get; private init; }

    /// <summary>One line: the HTTP status or cause, never a key.</summary>
    public string Cause { get; private init; } = string.Empty;

    public bool Retryable { get; private init; }

    /// <summary>A 429: without <see cref="RetryAfter"/> it lowers the adaptive concurrency limit.</summary>
    public bool Throttled { get; private init; }

    /// <summary>The server's <c>Retry-After</c>: the endpoint is paused that long.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>A sign the endpoint is unhealthy (5xx, broken connection or body, timeout); counts toward opening its circuit.</summary>
    public bool EndpointFault { get; private init; }

    /// <summary>No endpoint would take the attempt (every circuit open).</summary>
    public bool CircuitOpen { get; private init; }

    public Exception? Exception { get; private init; }

    /// <summary>How long this request alone waits before its retry (a <c>Retry-After</c> its endpoint's gate did not take up).</summary>
    public TimeSpan? OwnRetryDelay { get; private init; }

    /// <summary>This outcome, with <see cref="OwnRetryDelay"/> set.</summary>
    public AttemptOutcome<T> WithOwnRetryDelay(TimeSpan delay) => new(Value, Succeeded)
    {
        FailureStatus = FailureStatus,
        Cause = Cause,
        Retryable = Retryable,
        Throttled = Throttled,
        RetryAfter = RetryAfter,
        EndpointFault = EndpointFault,
        CircuitOpen = CircuitOpen,
        Exception = Exception,
        OwnRetryDelay = delay,
    };

    public static AttemptOutcome<T> Success(T value) => new(value, succeeded: true);

    /// <summary>A 429 Too Many Requests.</summary>
    public static AttemptOutcome<T> ThrottledBy(string cause, TimeSpan? retryAfter) =>
        new(default, false) { FailureStatus = ResponseStatus.Error, Cause = OneLine(cause), Retryable = true, Throttled = true, RetryAfter = retryAfter };

    /// <summary>A failure worth another attempt that says the endpoint is unwell (5xx, 408, broken connection, malformed body).</summary>
    public static AttemptOutcome<T> Transient(string cause, TimeSpan? retryAfter = null, Exception? exception = null) =>
        new(default, false) { FailureStatus = ResponseStatus.Error, Cause = OneLine(cause), Retryable = true, EndpointFault = true, RetryAfter = retryAfter, Exception = exception };

    /// <summary>The attempt's own timeout expired.</summary>
    public static AttemptOutcome<T> TimedOut(string cause) =>
        new(default, false) { FailureStatus = ResponseStatus.Timeout, Cause = OneLine(cause), Retryable = true, EndpointFault = true };

    /// <summary>Every endpoint's circuit is open; retried after the break.</summary>
    public static AttemptOutcome<T> Rejected(string cause, TimeSpan? retryAfter) =>
        new(default, false) { FailureStatus = ResponseStatus.Error, Cause = OneLine(cause), Retryable = true, CircuitOpen = true, RetryAfter = retryAfter };

    /// <summary>A failure another attempt would not change (4xx, a content filter, an unexpected exception).</summary>
    public static AttemptOutcome<T> Final(ResponseStatus status, string cause, Exception? exception = null) =>
        new(default, false) { FailureStatus = status, Cause = OneLine(cause), Exception = exception };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
