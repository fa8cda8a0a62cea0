using MultiTrust.Core.Pipeline;
using Polly.CircuitBreaker;

namespace MultiTrust.Stages.Resilience;

/// <summary>
/// One replica of a <see cref="ResilientEndpointPool{T}"/>: where to send, how to name it in messages, its
/// <c>Retry-After</c> gate and its circuit. Thread-safe.
/// </summary>
internal sealed class ResilientEndpoint
{
    private readonly object _lock = new();
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public ResilientEndpoint(Uri requestUri, RetryAfterGate gate)
    {
        RequestUri = requestUri;
        Display = RedactedEndpoint.Of(requestUri);
        Gate = gate;
    }

    /// <summary>Where attempts are sent (may carry a key in its query; never printed).</summary>
    public Uri RequestUri { get; }

    /// <summary>The address as messages show it: no user info, no query.</summary>
    public string Display { get; }

    /// <summary>The shared pause of new sends after a <c>Retry-After</c>.</summary>
    public RetryAfterGate Gate { get; }

    /// <summary>The state of this endpoint's circuit breaker.</summary>
    public CircuitBreakerStateProvider Circuit { get; } = new();

    /// <summary>Until when an open (or probing) circuit takes no calls.</summary>
    public DateTimeOffset BlockedUntil
    {
        get
        {
            lock (_lock)
            {
                return _blockedUntil;
            }
        }
    }

    /// <summary>
    /// Whether a call sent now would get through its circuit: closed, or open with the break over (the call becomes the
    /// half-open probe). A circuit whose probe is in flight takes nothing else.
    /// </summary>
    public bool AcceptsCalls(DateTimeOffset now) => Circuit.CircuitState switch
    {
        CircuitState.Closed => true,
        CircuitState.Open => now >= BlockedUntil,
        _ => false,
    };

    public void MarkBlocked(DateTimeOffset until)
    {
        lock (_lock)
        {
            _blockedUntil = until;
        }
    }

    public void MarkClosed() => MarkBlocked(DateTimeOffset.MinValue);
}
