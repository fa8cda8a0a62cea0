using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MultiTrust.Stages.Resilience;

internal sealed partial class ResilientEndpointPool<T>
{
    /// <summary>
    /// One attempt: pick an endpoint, wait out its pause, take a slot, send through its circuit breaker and timeout. The
    /// wait for the pause and the slot are outside the per-attempt timeout (a hung request holds one slot for one
    /// timeout; waiting for a slot is not the server's fault) and inside the total timeout.
    /// </summary>
    private async ValueTask<Outcome<AttemptOutcome<T>>> AttemptAsync<TState>(ResilienceContext context, Call<TState> call)
    {
        var token = context.CancellationToken;
        var index = Pick(call.Start + call.Attempts);
        call.Attempts++;
        if (index < 0)
        {
            call.Last ??= _endpoints[0];
            return Outcome.FromResult(AttemptOutcome<T>.Rejected("circuit open: every endpoint failed too often recently", FirstReopening()));
        }

        var endpoint = _endpoints[index];
        call.Last = endpoint;
        ConcurrencyLease lease;
        while (true)
        {
            await endpoint.Gate.WaitAsync(token).ConfigureAwait(false);
            lease = await _limiter.AcquireAsync(token).ConfigureAwait(false);
            if (!endpoint.Gate.IsPaused)
            {
                break;
            }

            _limiter.Release(lease, ConcurrencySignal.Failure); // Paused while this send waited for its slot.
        }

        var signal = ConcurrencySignal.Failure;
        try
        {
            var outcome = await _attemptPipelines[index].ExecuteOutcomeAsync(
                static async (context, state) =>
                    Outcome.FromResult(await state.Call.Send(state.Endpoint, state.Call.State, context.CancellationToken).ConfigureAwait(false)),
                context,
                (Call: call, Endpoint: endpoint)).ConfigureAwait(false);
            if (outcome.Exception is OperationCanceledException && token.IsCancellationRequested)
            {
                return outcome; // The caller or the total timeout: not this attempt's failure.
            }

            var result = outcome switch
            {
                { Result: { } value } => value,
                { Exception: TimeoutRejectedException } => AttemptOutcome<T>.TimedOut(
                    $"no complete response within {Seconds(_options.RequestTimeout)} s"),
                { Exception: BrokenCircuitException } => AttemptOutcome<T>.Rejected("circuit open", null),
                _ => AttemptOutcome<T>.Final(
                    Core.Records.ResponseStatus.Error, _redact($"{outcome.Exception!.GetType().Name}: {outcome.Exception.Message}"), outcome.Exception),
            };
            signal = result switch
            {
                { Succeeded: true } => ConcurrencySignal.Success,
                { Throttled: true } when !(result.RetryAfter > TimeSpan.Zero) => ConcurrencySignal.Throttled, // no pause asked for
                _ => ConcurrencySignal.Failure,
            };
            if (result is { Succeeded: false, CircuitOpen: false, RetryAfter: { } asked } && asked > TimeSpan.Zero)
            {
                var pause = asked < _options.MaxDelay ? asked : _options.MaxDelay;
                if (!endpoint.Gate.Pause(pause))
                {
                    result = result.WithOwnRetryDelay(pause);
                }
            }

            return Outcome.FromResult(result);
        }
        finally
        {
            _limiter.Release(lease, signal);
        }
    }

    /// <summary>
    /// The index of the endpoint for attempt number <paramref name="position"/> of a call: the round-robin one, or the next
    /// that takes calls, preferring one not paused by <c>Retry-After</c>; -1 when every circuit is open.
    /// </summary>
    private int Pick(int position)
    {
        var count = _endpoints.Length;
        var first = (int)((uint)position % (uint)count);
        var now = _timeProvider.GetUtcNow();
        var paused = -1;
        for (var k = 0; k < count; k++)
        {
            var i = (first + k) % count;
            var endpoint = _endpoints[i];
            if (!endpoint.AcceptsCalls(now))
            {
                continue;
            }

            if (!endpoint.Gate.IsPaused)
            {
                return i;
            }

            if (paused < 0)
            {
                paused = i;
            }
        }

        return paused;
    }

    /// <summary>How long until the first open circuit lets a probe through (null when none is open, e.g. all probing).</summary>
    private TimeSpan? FirstReopening()
    {
        var now = _timeProvider.GetUtcNow();
        TimeSpan? first = null;
        foreach (var endpoint in _endpoints)
        {
            if (endpoint.Circuit.CircuitState == CircuitState.Open)
            {
                var wait = endpoint.BlockedUntil - now;
                wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
                first = first is { } known && known < wait ? known : wait;
            }
        }

        return first;
    }
}
