using MultiTrust.Core.Records;
using Polly;
using Polly.Timeout;

namespace MultiTrust.Stages.Resilience;

/// <summary>
/// The one resilience pipeline of this project, shared by the model client, the classifier judges and the LLM judges:
/// a pool of replica endpoints behind a Polly pipeline (total timeout → retry with jittered exponential backoff) whose
/// every attempt picks an endpoint, waits out that endpoint's <c>Retry-After</c> pause, takes a slot of the adaptive
/// concurrency limit and goes through the endpoint's own circuit breaker and per-attempt timeout.
/// </summary>
/// <remarks>
/// <para>Routing: each call starts at the next endpoint (round-robin) and each retry moves one further, skipping an
/// endpoint whose circuit is open and preferring one that is not paused; when every circuit is open the attempt fails
/// as "circuit open" and is retried when the first break ends.</para>
/// <para>What each failure does: a 429 with <c>Retry-After</c> (or a 5xx with one) pauses new sends to its endpoint
/// until then; a 429 without lowers the concurrency limit (never below its floor); 5xx, broken connections and bodies
/// and per-attempt timeouts count toward the endpoint's circuit; 4xx fail at once. Thread-safe; dispose to stop the
/// limiter's recovery timer.</para>
/// </remarks>
internal sealed partial class ResilientEndpointPool<T> : IDisposable
{
    private readonly ResilienceOptions _options;
    private readonly ResilientEndpoint[] _endpoints;
    private readonly ResiliencePipeline<AttemptOutcome<T>>[] _attemptPipelines;
    private readonly ResiliencePipeline<AttemptOutcome<T>> _callPipeline;
    private readonly AdaptiveConcurrencyLimiter _limiter;
    private readonly TimeProvider _timeProvider;
    private readonly Func<string, string> _redact;
    private int _next = -1;

    /// <param name="requestUris">Where attempts go, one per replica (at least one).</param>
    /// <param name="maxConcurrency">Attempts in flight at most, across the replicas.</param>
    /// <param name="options">Validated here; captured.</param>
    /// <param name="timeProvider">Clock of every timeout, delay, pause and break.</param>
    /// <param name="random">Jitter source (seed it for reproducible delays).</param>
    /// <param name="redact">Applied to the text of unexpected exceptions before it reaches a message (keys).</param>
    public ResilientEndpointPool(
        IReadOnlyList<Uri> requestUris, int maxConcurrency, ResilienceOptions options, TimeProvider timeProvider, Random random,
        Func<string, string>? redact = null)
    {
        ArgumentNullException.ThrowIfNull(requestUris);
        ArgumentOutOfRangeException.ThrowIfZero(requestUris.Count, nameof(requestUris));
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _timeProvider = timeProvider;
        _redact = redact ?? (static text => text);
        var jitter = Jitter(random);
        _endpoints = [.. requestUris.Select(uri => new ResilientEndpoint(uri, new RetryAfterGate(timeProvider, options.RetryAfterJitter, jitter)))];
        _attemptPipelines = [.. _endpoints.Select(BuildAttemptPipeline)];
        _callPipeline = BuildCallPipeline(jitter);
        _limiter = new AdaptiveConcurrencyLimiter(
            maxConcurrency, options.SuccessesPerConcurrencyIncrease, options.ConcurrencyRecoveryInterval, timeProvider);
    }

    /// <summary>The replicas, in configuration order.</summary>
    public IReadOnlyList<ResilientEndpoint> Endpoints => _endpoints;

    /// <summary>The adaptive limit shared by the replicas.</summary>
    public AdaptiveConcurrencyLimiter Limiter => _limiter;

    /// <summary>
    /// Runs <paramref name="send"/> (one HTTP attempt against the endpoint it is given, under the token it is given) until
    /// it succeeds, fails for good, or the retries or the total timeout run out. Throws only
    /// <see cref="OperationCanceledException"/>, when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async ValueTask<CallResult<T>> SendAsync<TState>(
        Func<ResilientEndpoint, TState, CancellationToken, ValueTask<AttemptOutcome<T>>> send, TState state, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var call = new Call<TState>(this, send, state, Interlocked.Increment(ref _next));
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        Outcome<AttemptOutcome<T>> outcome;
        try
        {
            outcome = await _callPipeline.ExecuteOutcomeAsync(
                static (context, call) => call.Pool.AttemptAsync(context, call), context, call).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Result is { Succeeded: true } success)
        {
            return CallResult<T>.Success(success.Value!, call.Attempts);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var endpoint = (call.Last ?? _endpoints[0]).Display;
        return outcome switch
        {
            { Result: { } failed } => CallResult<T>.Failure(failed.FailureStatus, endpoint, failed.Cause, call.Attempts, failed.Exception),
            { Exception: TimeoutRejectedException or OperationCanceledException } => CallResult<T>.Failure(
                ResponseStatus.Timeout, endpoint, $"no answer within the total timeout of {Seconds(_options.EffectiveTotalTimeout)} s",
                call.Attempts, null),
            _ => CallResult<T>.Failure(
                ResponseStatus.Error, endpoint, _redact($"{outcome.Exception!.GetType().Name}: {outcome.Exception.Message}").ReplaceLineEndings(" "),
                call.Attempts, outcome.Exception),
        };
    }

    public void Dispose() => _limiter.Dispose();

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A thread-safe view of <paramref name="random"/>.</summary>
    private static Func<double> Jitter(Random random) => () =>
    {
        lock (random)
        {
            return random.NextDouble();
        }
    };

    private sealed class Call<TState>(
        ResilientEndpointPool<T> pool, Func<ResilientEndpoint, TState, CancellationToken, ValueTask<AttemptOutcome<T>>> send, TState state, int start)
    {
        public ResilientEndpointPool<T> Pool { get; } = pool;

        public Func<ResilientEndpoint, TState, CancellationToken, ValueTask<AttemptOutcome<T>>> Send { get; } = send;

        public TState State { get; } = state;

        public int Start { get; } = start;

        public int Attempts { get; set; }

        public ResilientEndpoint? Last { get; set; }
    }
}
