namespace MultiTrust.Stages.Resilience;

/// <summary>How an attempt ended, as far as <see cref="AdaptiveConcurrencyLimiter"/> is concerned.</summary>
public enum ConcurrencySignal
{
    /// <summary>The server answered; counts toward growing the limit.</summary>
    Success,

    /// <summary>
    /// The server said 429 Too Many Requests without a <c>Retry-After</c>; the limit halves (once per burst, never below the
    /// floor). A 429 with <c>Retry-After</c> pauses its endpoint instead and is reported as <see cref="Failure"/>.
    /// </summary>
    Throttled,

    /// <summary>Any other outcome (5xx, timeout, broken connection, a slot given back unused); the limit is unchanged.</summary>
    Failure,
}
