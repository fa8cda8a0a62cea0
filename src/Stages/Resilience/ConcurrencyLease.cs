namespace MultiTrust.Stages.Resilience;

/// <summary>A slot taken from <see cref="AdaptiveConcurrencyLimiter"/>; give it back exactly once with <c>Release</c>.</summary>
public readonly struct ConcurrencyLease
{
    internal ConcurrencyLease(long epoch) => Epoch = epoch;

    /// <summary>The limiter's decrease epoch when the slot was taken (one 429 window halves the limit only once).</summary>
    internal long Epoch { get; }
}
