using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace MultiTrust.Stages.Resilience;

internal sealed partial class ResilientEndpointPool<T>
{
    /// <summary>Around the whole call: the total timeout, then the retry strategy.</summary>
    private ResiliencePipeline<AttemptOutcome<T>> BuildCallPipeline(Func<double> jitter)
    {
        var builder = new ResiliencePipelineBuilder<AttemptOutcome<T>> { TimeProvider = _timeProvider };
        if (_options.EffectiveTotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(_options.EffectiveTotalTimeout);
        }

        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<AttemptOutcome<T>>
            {
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.BaseDelay,
                MaxDelay = _options.MaxDelay,
                Randomizer = jitter,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result is { Succeeded: false, Retryable: true }),
                DelayGenerator = args => ValueTask.FromResult(RetryDelay(args.Outcome.Result)),
            });
        }

        return builder.Build();
    }

    /// <summary>
    /// Null keeps the jittered exponential backoff. A <c>Retry-After</c> the endpoint's gate took up needs no delay here:
    /// the gate holds the next send to that endpoint, and another endpoint takes the retry at once; one the gate left to
    /// the request (its grace) delays this retry alone. With every circuit open, wait for the first to close.
    /// </summary>
    private TimeSpan? RetryDelay(AttemptOutcome<T>? failure) => failure switch
    {
        { OwnRetryDelay: { } own } => own,
        { CircuitOpen: true, RetryAfter: { } wait } => wait < _options.MaxDelay ? wait : _options.MaxDelay,
        { CircuitOpen: false, RetryAfter: not null } => TimeSpan.Zero,
        _ => null,
    };

    /// <summary>Around one attempt at one endpoint: its circuit breaker, then the per-attempt timeout.</summary>
    private ResiliencePipeline<AttemptOutcome<T>> BuildAttemptPipeline(ResilientEndpoint endpoint)
    {
        var builder = new ResiliencePipelineBuilder<AttemptOutcome<T>> { TimeProvider = _timeProvider };
        var breakDuration = _options.BreakDuration;
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<AttemptOutcome<T>>
        {
            FailureRatio = _options.BreakerFailureRatio,
            MinimumThroughput = _options.BreakerMinimumThroughput,
            SamplingDuration = _options.BreakerSamplingDuration,
            BreakDuration = breakDuration,
            StateProvider = endpoint.Circuit,
            ShouldHandle = static args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: TimeoutRejectedException } => true,
                { Result: { EndpointFault: true } } => true,
                _ => false,
            }),
            OnOpened = args =>
            {
                endpoint.MarkBlocked(_timeProvider.GetUtcNow() + args.BreakDuration);
                return default;
            },
            OnHalfOpened = _ =>
            {
                endpoint.MarkBlocked(_timeProvider.GetUtcNow() + breakDuration);
                return default;
            },
            OnClosed = _ =>
            {
                endpoint.MarkClosed();
                return default;
            },
        });
        if (_options.RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(_options.RequestTimeout);
        }

        return builder.Build();
    }
}
