namespace MultiTrust.Stages.Inference.OpenAICompatible;

/// <summary>
/// Bounds in-flight requests with an AIMD limit: it starts at <see cref="MaxLimit"/>, halves (down to 1) when a request
/// is throttled (429), and grows back by one after a run of successes. Throttles from requests that started before the
/// last decrease do not halve it again, so one burst of 429s counts once. Thread-safe; waiters are served in FIFO order.
/// </summary>
public sealed class AdaptiveConcurrencyLimiter
{
    private readonly object _gate = new();
    private readonly Queue<TaskCompletionSource<long>> _waiters = new();
    private readonly int _successesPerIncrease;
    private int _limit;
    private int _inFlight;
    private int _successRun;
    private long _epoch;

    /// <param name="maxLimit">The starting and highest limit.</param>
    /// <param name="successesPerIncrease">Consecutive successes after which the limit grows by one.</param>
    public AdaptiveConcurrencyLimiter(int maxLimit, int successesPerIncrease)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLimit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(successesPerIncrease);
        MaxLimit = maxLimit;
        _limit = maxLimit;
        _successesPerIncrease = successesPerIncrease;
    }

    public int MaxLimit { get; }

    /// <summary>The current limit, between 1 and <see cref="MaxLimit"/>.</summary>
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
                    if (lease.Epoch == _epoch)
                    {
                        _limit = Math.Max(1, _limit / 2);
                        _epoch++;
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

            while (_inFlight < _limit && _waiters.TryDequeue(out var next))
            {
                _inFlight++;
                if (!next.TrySetResult(_epoch))
                {
                    _inFlight--; // The waiter was cancelled meanwhile.
                }
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
