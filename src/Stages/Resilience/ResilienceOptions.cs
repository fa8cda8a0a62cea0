namespace MultiTrust.Stages.Resilience;

/// <summary>
/// How calls to a model or judge service survive a misbehaving server: per-attempt and total timeouts, retries with
/// jittered exponential backoff, the <c>Retry-After</c> pause, the adaptive concurrency limit and the circuit breaker. One
/// set of settings per client (<see cref="Inference.OpenAICompatible.OpenAICompatibleOptions.Resilience"/>,
/// <see cref="Judging.Classifiers.ClassifierJudgeOptions.Resilience"/>), checked by <see cref="Validate"/> and captured
/// when the client is built. The defaults are the documented behaviour (<c>docs/pipeline-yaml.md</c>, "Resilience").
/// </summary>
public sealed class ResilienceOptions
{
    /// <summary>The share of the configured concurrency below which the adaptive limit never drops (a quarter).</summary>
    public const double ConcurrencyFloorFraction = 0.25;

    /// <summary>Time allowed for one HTTP attempt, headers and body (default 120 s); a hung request holds its slot no longer.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt (default 3, so up to 4 attempts).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Median delay before the first retry of the jittered exponential backoff (default 0.5 s).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap of every backoff delay and of every <c>Retry-After</c> pause (default 30 s).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time allowed for a whole call, every attempt, wait and retry included; null (the default) means
    /// <see cref="EffectiveTotalTimeout"/>: room for every attempt to time out and still be retried.
    /// </summary>
    public TimeSpan? TotalTimeout { get; init; }

    /// <summary>
    /// Share of the extra wait added at random to each send held back by a <c>Retry-After</c> pause (default 0.1, so a
    /// 1 s pause releases its waiters over 1.0–1.1 s instead of all at once).
    /// </summary>
    public double RetryAfterJitter { get; init; } = 0.1;

    /// <summary>Consecutive successes after which the adaptive concurrency limit grows by one (default 8).</summary>
    public int SuccessesPerConcurrencyIncrease { get; init; } = 8;

    /// <summary>
    /// Each interval without a throttle (default 2 s), a lowered concurrency limit regains a quarter of the configured
    /// concurrency, so it is back in full within four quiet intervals whatever the success count.
    /// </summary>
    public TimeSpan ConcurrencyRecoveryInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Share of failed attempts within <see cref="BreakerSamplingDuration"/> that opens an endpoint's circuit (default 0.5).</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    /// <summary>Attempts an endpoint must see within <see cref="BreakerSamplingDuration"/> before its circuit may open (default 20).</summary>
    public int BreakerMinimumThroughput { get; init; } = 20;

    /// <summary>The window over which the failure ratio is measured (default 30 s).</summary>
    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit sends nothing to its endpoint before one probe request (default 15 s).</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// <see cref="TotalTimeout"/> when set, else <c>(MaxRetries + 1) × RequestTimeout + MaxRetries × MaxDelay</c>
    /// (infinite when the request timeout is).
    /// </summary>
    public TimeSpan EffectiveTotalTimeout
    {
        get
        {
            if (TotalTimeout is { } total)
            {
                return total;
            }

            if (RequestTimeout == Timeout.InfiniteTimeSpan)
            {
                return Timeout.InfiniteTimeSpan;
            }

            var ticks = ((double)RequestTimeout.Ticks * (MaxRetries + 1)) + ((double)MaxDelay.Ticks * MaxRetries);
            return ticks >= TimeSpan.FromDays(1).Ticks ? TimeSpan.FromDays(1) : TimeSpan.FromTicks((long)ticks);
        }
    }

    /// <summary>The lowest adaptive limit for <paramref name="maxConcurrency"/>: <c>max(1, maxConcurrency / 4)</c>.</summary>
    public static int ConcurrencyFloor(int maxConcurrency) => Math.Max(1, (int)(maxConcurrency * ConcurrencyFloorFraction));

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        CheckTimeout(RequestTimeout, nameof(RequestTimeout));
        if (TotalTimeout is { } total)
        {
            CheckTimeout(total, nameof(TotalTimeout));
        }

        if (MaxRetries is < 0 or > 100)
        {
            throw Invalid(nameof(MaxRetries), $"must be between 0 and 100 (was {MaxRetries})");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay || MaxDelay > TimeSpan.FromDays(1))
        {
            throw Invalid(nameof(BaseDelay), $"({BaseDelay}) and MaxDelay ({MaxDelay}) must be >= 0 with BaseDelay <= MaxDelay <= 1 day");
        }

        if (RetryAfterJitter is < 0 or > 1 || double.IsNaN(RetryAfterJitter))
        {
            throw Invalid(nameof(RetryAfterJitter), $"must be between 0 and 1 (was {RetryAfterJitter})");
        }

        if (SuccessesPerConcurrencyIncrease <= 0)
        {
            throw Invalid(nameof(SuccessesPerConcurrencyIncrease), $"must be > 0 (was {SuccessesPerConcurrencyIncrease})");
        }

        if (ConcurrencyRecoveryInterval <= TimeSpan.Zero && ConcurrencyRecoveryInterval != Timeout.InfiniteTimeSpan)
        {
            throw Invalid(nameof(ConcurrencyRecoveryInterval), $"must be > 0 (was {ConcurrencyRecoveryInterval})");
        }

        if (BreakerFailureRatio is <= 0 or > 1 || double.IsNaN(BreakerFailureRatio))
        {
            throw Invalid(nameof(BreakerFailureRatio), $"must be in (0, 1] (was {BreakerFailureRatio})");
        }

        if (BreakerMinimumThroughput < 2)
        {
            throw Invalid(nameof(BreakerMinimumThroughput), $"must be >= 2 (was {BreakerMinimumThroughput})");
        }

        // Polly's own bounds for the circuit breaker.
        if (BreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || BreakerSamplingDuration > TimeSpan.FromDays(1))
        {
            throw Invalid(nameof(BreakerSamplingDuration), $"must be between 0.5 s and 1 day (was {BreakerSamplingDuration})");
        }

        if (BreakDuration < TimeSpan.FromMilliseconds(500) || BreakDuration > TimeSpan.FromDays(1))
        {
            throw Invalid(nameof(BreakDuration), $"must be between 0.5 s and 1 day (was {BreakDuration})");
        }
    }

    /// <summary>A one-line description for logs.</summary>
    public override string ToString() =>
        $"ResilienceOptions(RequestTimeout={RequestTimeout}, MaxRetries={MaxRetries}, TotalTimeout={EffectiveTotalTimeout}, " +
        $"BaseDelay={BaseDelay}, MaxDelay={MaxDelay}, BreakDuration={BreakDuration})";

    private static void CheckTimeout(TimeSpan value, string name)
    {
        // Polly's timeout strategy accepts 10 ms to 1 day; infinite means no timeout at all.
        if (value != Timeout.InfiniteTimeSpan && (value < TimeSpan.FromMilliseconds(10) || value > TimeSpan.FromDays(1)))
        {
            throw Invalid(name, $"must be between 10 ms and 1 day, or infinite (was {value})");
        }
    }

    private static ArgumentException Invalid(string name, string problem) => new($"ResilienceOptions.{name} {problem}.", name);
}
