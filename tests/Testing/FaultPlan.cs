namespace MultiTrust.Testing;

/// <summary>
/// The faults <see cref="LoopbackModelServer"/> injects. Thread-safe. Queued faults are served first, in order, one per
/// request; when the queue is empty, <see cref="Policy"/> (if set) decides; otherwise the request is answered normally.
/// </summary>
public sealed class FaultPlan
{
    private readonly object _gate = new();
    private readonly Queue<Entry> _queue = new();
    private volatile Func<RecordedRequest, Fault?>? _policy;
    private int _queued;

    /// <summary>Decides a fault for requests not covered by the queue (for example every 5th request); null answers normally.</summary>
    public Func<RecordedRequest, Fault?>? Policy
    {
        get => _policy;
        set => _policy = value;
    }

    /// <summary>Number of queued faults not yet served.</summary>
    public int Pending => Volatile.Read(ref _queued);

    /// <summary>Serve <paramref name="fault"/> to the next <paramref name="count"/> requests (after faults queued earlier).</summary>
    public void Enqueue(Fault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            _queue.Enqueue(new Entry(fault, count));
            _queued += count;
        }
    }

    /// <summary>Drop every queued fault and the policy.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _queued = 0;
        }

        _policy = null;
    }

    internal Fault? Next(RecordedRequest request)
    {
        if (Volatile.Read(ref _queued) > 0)
        {
            lock (_gate)
            {
                if (_queue.TryPeek(out var head))
                {
                    _queued--;
                    if (--head.Remaining == 0)
                    {
                        _queue.Dequeue();
                    }

                    return head.Fault;
                }
            }
        }

        return _policy?.Invoke(request);
    }

    private sealed class Entry(Fault fault, int remaining)
    {
        public Fault Fault { get; } = fault;

        public int Remaining { get; set; } = remaining;
    }
}
