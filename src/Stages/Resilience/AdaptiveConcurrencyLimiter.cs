namespace MultiTrust.Stages.Resilience;

/// <summary>
/// Bounds in-flight requests with an adaptive limit between <see cref="Floor"/> and <see cref="MaxLimit"/>. Own code
/// because no library adapts a limit to throttling this way: it starts at <see cref="MaxLimit"/>, halves (never below
/// <see cref="Floor"/>) when a request is throttled without a <c>Retry-After</c>, and recovers two ways: by one after a
/// run of successes, and by a quarter of <see cref="MaxLimit"/> each recovery interval without a throttle, so a quiet
/// server gets its full concurrency back whatever the success count. Throttles from requests that started before the
/// last decrease do not halve it again, so one burst of 429s counts once.
/// </summary>
/// <remarks>
/// Thread-safe; waiters are served in FIFO order. The floor keeps the pace when a few slots are held by hung requests:
/// each of those costs one slot for one per-attempt timeout, never the whole run. Dispose to stop the recovery timer.
/// </remarks>
public sealed class AdaptiveConcurrencyLimiter : IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<TaskCompletionSource<long>> _waiters = new();
    private readonly int _successesPerIncrease;
    private readonly int _recoveryStep;
    private readonly TimeSpan _recoveryInterval;
    private readonly ITimer? _recoveryTimer;
    private int _limit;
    private int _inFlight;
    private int _successRun;
    private long _epoch;

    /// <param name="maxLimit">The starting and highest limit (the configured concurrency).</param>
    /// <param name="successesPerIncrease">Consecutive successes after which the limit grows by one.</param>
    /// <param name="recoveryInterval">Quiet time after which a lowered limit regains a quarter of <paramref name="maxLimit"/>;
    /// <see cref="Timeout.InfiniteTimeSpan"/> recovers by successes only.</param>
    /// <param name="timeProvider">Clock of the recovery timer; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="floor">The lowest limit; <see cref="ResilienceOptions.ConcurrencyFloor"/> of <paramref name="maxLimit"/> when null.</param>
    public AdaptiveConcurrencyLimiter(
        int maxLimit, int successesPerIncrease, TimeSpan recoveryInterval, TimeProvider? timeProvider = null, int? floor = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLimit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(successesPerIncrease);
        if (recoveryInterval <= TimeSpan.Zero && recoveryInterval != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(recoveryInterval), recoveryInterval, "The recovery interval must be > 0 or infinite.");
        }

        MaxLimit = maxLimit;
        Floor = floor ?? ResilienceOptions.ConcurrencyFloor(maxLimit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Floor, nameof(floor));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Floor, maxLimit, nameof(floor));
        _limit = maxLimit;
        _successesPerIncrease = successesPerIncrease;
        _recoveryStep = Math.Max(1, (maxLimit + 3) / 4);
        _recoveryInterval = recoveryInterval;
        if (recoveryInterval != Timeout.InfiniteTimeSpan && Floor < maxLimit)
        {
            _recoveryTimer = (timeProvider ?? TimeProvider.System).CreateTimer(
                static state => ((AdaptiveConcurrencyLimiter)state!).Recover(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The starting and highest limit.</summary>
    public int MaxLimit { get; }

    /// <summary>The lowest limit; throttling never lowers the limit below it.</summary>
    public int Floor { get; }

    /// <summary>The current limit, between <see cref="Floor"/> and <see cref="MaxLimit"/>.</summary>
    public int CurrentLimit
    {
        get
        {
            lock (_gate)
            {
                return _limit;
            }
        }
    }

    /// <summary>Leases currently held.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Waits for a free slot. Throws <see cref="OperationCanceledException"/> if cancelled while waiting.</summary>
    public ValueTask<ConcurrencyLease> AcquireAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource<long> waiter;
        lock (_gate)
        {
            while (_waiters.TryPeek(out var head) && head.Task.IsCompleted)
            {
                _waiters.Dequeue();
            }

            if (_waiters.Count == 0 && _inFlight < _limit)
            {
                _inFlight++;
                return new ValueTask<ConcurrencyLease>(new ConcurrencyLease(_epoch));
            }

            waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
        }

        return WaitAsync(waiter, cancellationToken);
    }

    /// <summary>Returns a slot and reports how its attempt ended.</summary>
    public void Release(ConcurrencyLease lease, ConcurrencySignal signal)
    {
        lock (_gate)
        {
            if (_inFlight == 0)
            {
                throw new InvalidOperationException("AdaptiveConcurrencyLimiter.Release was called more often than AcquireAsync.");
            }

            _inFlight--;
            switch (signal)
            {
                case ConcurrencySignal.Throttled:
                    _successRun = 0;
                    if (lease.Epoch == _epoch && _limit > Floor)
                    {
                        _limit = Math.Max(Floor, _limit / 2);
                        _epoch++;
                    }

                    if (_limit < MaxLimit)
                    {
                        _recoveryTimer?.Change(_recoveryInterval, _recoveryInterval); // the quiet interval starts again
                    }

                    break;
                case ConcurrencySignal.Success when _limit < MaxLimit:
                    if (++_successRun >= _successesPerIncrease)
                    {
                        _limit++;
                        _successRun = 0;
                    }

                    break;
            }

            ServeWaiters();
        }
    }

    /// <summary>Stops the recovery timer.</summary>
    public void Dispose() => _recoveryTimer?.Dispose();

    private void Recover()
    {
        lock (_gate)
        {
            _limit = Math.Min(MaxLimit, _limit + _recoveryStep);
            if (_limit == MaxLimit)
            {
                _recoveryTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            ServeWaiters();
        }
    }

    private void ServeWaiters()
    {
        while (_inFlight < _limit && _waiters.TryDequeue(out var next))
        {
            _inFlight++;
            if (!next.TrySetResult(_epoch))
            {
                _inFlight--; // The waiter was cancelled meanwhile.
            }
        }
    }

    private static async ValueTask<ConcurrencyLease> WaitAsync(TaskCompletionSource<long> waiter, CancellationToken cancellationToken)
    {
        using (cancellationToken.UnsafeRegister(
            static (state, token) => ((TaskCompletionSource<long>)state!).TrySetCanceled(token), waiter))
        {
            var epoch = await waiter.Task.ConfigureAwait(false);
            return new ConcurrencyLease(epoch);
        }
    }
}
