namespace MultiTrust.Stages.Resilience;

/// <summary>
/// One per endpoint: a <c>Retry-After</c> from that endpoint pauses every new send to it until the time asked for, instead
/// of each request backing off on its own. Own code because the pause is shared state across requests, which a
/// per-call retry strategy cannot express. Waiters are released with a random extra wait of up to
/// <c>jitter × pause</c> so they do not all hit the server in the same instant. Thread-safe.
/// </summary>
/// <remarks>
/// One pause per period: for as long as the pause itself after it ends (the grace), a further <c>Retry-After</c> holds
/// only the request that got it (<see cref="Pause"/> returns false). Those are the server's answers to the burst the
/// pause released; letting each start a new pause would chain pauses back to back and, against a server that throttles
/// a share of requests at random, cut the pace to one burst per pause. A server that still throttles after the grace
/// pauses the endpoint again, so a real rate limit holds the whole endpoint at least half of the time.
/// </remarks>
internal sealed class RetryAfterGate
{
    private readonly object _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly double _jitter;
    private readonly Func<double> _random;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _graceUntil = DateTimeOffset.MinValue;
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

    /// <summary>
    /// Holds new sends back for <paramref name="retryAfter"/> from now (a pause already reaching further stays). Returns
    /// true when the gate holds sends now; false during the grace after a pause, when only the caller's own request
    /// should wait <paramref name="retryAfter"/>.
    /// </summary>
    public bool Pause(TimeSpan retryAfter)
    {
        if (retryAfter <= TimeSpan.Zero)
        {
            return false;
        }

        var now = _timeProvider.GetUtcNow();
        var until = now + retryAfter;
        lock (_lock)
        {
            var active = now < _pausedUntil;
            if (!active && now < _graceUntil)
            {
                return false;
            }

            if (until > _pausedUntil)
            {
                _pausedUntil = until;
                _spread = retryAfter * _jitter;
                _graceUntil = until + retryAfter;
            }

            return true;
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
