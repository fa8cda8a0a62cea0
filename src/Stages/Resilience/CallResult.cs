using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Resilience;

/// <summary>How a whole call through a <see cref="ResilientEndpointPool{T}"/> ended: a value, or the final typed failure.</summary>
internal sealed class CallResult<T>
{
    private CallResult(T? value, bool succeeded, int attempts)
    {
        Value = value;
        Succeeded = succeeded;
        Attempts = attempts;
    }

    public T? Value { get; }

    public bool Succeeded { get; }

    /// <summary>Attempts made, the successful one included.</summary>
    public int Attempts { get; }

    /// <summary>The row status of a failed call: Error, Timeout or ContentFiltered.</summary>
    public ResponseStatus Status { get; private init; }

    /// <summary>The endpoint of the last attempt, redacted.</summary>
    public string Endpoint { get; private init; } = string.Empty;

    /// <summary>The last attempt's cause, on one line.</summary>
    public string Cause { get; private init; } = string.Empty;

    public Exception? Exception { get; private init; }

    public static CallResult<T> Success(T value, int attempts) => new(value, true, attempts);

    public static CallResult<T> Failure(ResponseStatus status, string endpoint, string cause, int attempts, Exception? exception) =>
        new(default, false, attempts) { Status = status, Endpoint = endpoint, Cause = cause, Exception = exception };
}
