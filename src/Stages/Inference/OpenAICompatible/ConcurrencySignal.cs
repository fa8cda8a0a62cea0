namespace MultiTrust.Stages.Inference.OpenAICompatible;

/// <summary>How an attempt ended, as far as <see cref="AdaptiveConcurrencyLimiter"/> is concerned.</summary>
public enum ConcurrencySignal
{
    /// <summary>The server answered; counts toward growing the limit.</summary>
    Success,

    /// <summary>The server said 429 Too Many Requests; the limit halves.</summary>
    Throttled,

    /// <summary>Any other failure (5xx, timeout, broken connection); the limit is unchanged.</summary>
    Failure,
}
