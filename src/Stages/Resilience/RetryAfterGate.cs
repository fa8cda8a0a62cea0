namespace MultiTrust.Stages.Resilience;

/// <summary>
/// One per endpoint: a <c>Retry-After</c> from that endpoint pauses every new send to it until the time asked for, instead
/// of each request backing off on its own. Own code because the pause is shared state across requests, which a
/// per-call retry strategy cannot express. Waiters are released with a random extra wait of up to
/// <c>jitter × pause</c> so they do not all hit the server in the same instant. Thread-safe.
/// </summary>
internal sealed class RetryAfterGate
{
    private readonly object _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly double _jitter;
    private readonly Func<double> _random;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private TimeSpan _spread;

    /// <param name="jitter">Share of the pause added at random per waiter (0 to 1).</param>
    /// <param name="random">A uniform value in [0, 1); thread-safe.</param>
    public RetryAfterGate(TimeProvider timeProvider, double jitter, Func<double> random)
    {
        _timeProvider = timeProvider;
        _jitter = jitter;
        _random = random;
    }

    /// <summary>Whether new sends are held back right now.</summary>
    public bool IsPaused => _timeProvider.GetUtcNow() < PausedUntil;

    /// <summary>The end of the current pause (in the past when there is none).</summary>
    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_lock)
            {
                return _pausedUntil;
            }
        }
    }

    /// <summary>Holds new sends back for <paramref name="retryAfter"/> from now; a pause already reaching further stays.</summary>
    public void Pause(TimeSpan retryAfter)
    {
        if (retryAfter <= TimeSpan.Zero)
        {
            return;
        }

        var until = _timeProvider.GetUtcNow() + retryAfter;
        lock (_lock)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
                _spread = retryAfter * _jitter;
            }
        }
    }

    /// <summary>Completes at once when not paused, else after the pause (extended meanwhile or not) plus this waiter's jitter.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            DateTimeOffset until;
            TimeSpan spread;
            lock (_lock)
            {
                until = _pausedUntil;
                spread = _spread;
            }

            var now = _timeProvider.GetUtcNow();
            if (now >= until)
            {
                return;
            }

            var wait = until - now + (spread * _random());
            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
