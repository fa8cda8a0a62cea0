using Microsoft.Extensions.AI;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Inference.OpenAICompatible;

/// <summary>The result of one HTTP attempt: a response, or a classified failure. Failures are values, not exceptions.</summary>
internal sealed class AttemptOutcome
{
    private AttemptOutcome(ChatResponse? response, ConcurrencySignal signal)
    {
        Response = response;
        Signal = signal;
    }

    public ChatResponse? Response { get; }

    public ConcurrencySignal Signal { get; }

    public ResponseStatus FailureStatus { get; private init; }

    /// <summary>One line: the HTTP status or cause, never the API key.</summary>
    public string Cause { get; private init; } = string.Empty;

    public bool Retryable { get; private init; }

    public TimeSpan? RetryAfter { get; private init; }

    public Exception? Exception { get; private init; }

    public static AttemptOutcome Success(ChatResponse response) => new(response, ConcurrencySignal.Success);

    public static AttemptOutcome Failure(
        ResponseStatus status, string cause, bool retryable, ConcurrencySignal signal = ConcurrencySignal.Failure,
        TimeSpan? retryAfter = null, Exception? exception = null) =>
        new(null, signal)
        {
            FailureStatus = status,
            Cause = cause.ReplaceLineEndings(" "),
            Retryable = retryable,
            RetryAfter = retryAfter,
            Exception = exception,
        };
}
