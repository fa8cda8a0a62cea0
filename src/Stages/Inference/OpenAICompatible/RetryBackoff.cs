using System.Net.Http.Headers;

namespace MultiTrust.Stages.Inference.OpenAICompatible;

/// <summary>Retry delays: exponential backoff with full jitter, or the server's <c>Retry-After</c>, both capped.</summary>
public static class RetryBackoff
{
    /// <summary>
    /// The wait before the next attempt after failed attempt number <paramref name="attempt"/> (1-based).
    /// With <paramref name="retryAfter"/> it is <c>min(retryAfter, maxDelay)</c>; otherwise
    /// <c>jitter * min(maxDelay, baseDelay * 2^(attempt-1))</c> (full jitter).
    /// </summary>
    /// <param name="jitter">A uniform random value in [0, 1).</param>
    public static TimeSpan ComputeDelay(int attempt, TimeSpan? retryAfter, double jitter, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (jitter is < 0 or >= 1 || double.IsNaN(jitter))
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "Jitter must be in [0, 1).");
        }

        if (retryAfter is { } asked)
        {
            return asked <= TimeSpan.Zero ? TimeSpan.Zero : (asked < maxDelay ? asked : maxDelay);
        }

        var exponent = Math.Min(attempt - 1, 30);
        var ceilingTicks = Math.Min((double)maxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)(ceilingTicks * jitter));
    }

    /// <summary>The delay a <c>Retry-After</c> header asks for (seconds or an HTTP date), or null when absent.</summary>
    public static TimeSpan? ParseRetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
