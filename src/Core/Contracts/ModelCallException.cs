using MultiTrust.Core.Records;

namespace MultiTrust.Core.Contracts;

/// <summary>
/// Thrown by a model client when a call ends in a typed failure after its retries (HTTP error, timeout, malformed
/// body, content filter). The invoker turns it into a <see cref="ModelResponse"/> with <see cref="Status"/>; it never
/// becomes response text.
/// </summary>
public sealed class ModelCallException : Exception
{
    public ModelCallException(ResponseStatus status, string message, int attempts, Exception? inner = null)
        : base(message, inner)
    {
        if (status.HasText() || status == ResponseStatus.Empty)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A failure status is required.");
        }

        Status = status;
        Attempts = attempts;
    }

    public ResponseStatus Status { get; }

    /// <summary>Number of HTTP attempts made, including the first.</summary>
    public int Attempts { get; }
}
