using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Tests.Resilience;

/// <summary>The pipeline itself, driven by scripted attempts (no HTTP) on fake time.</summary>
public sealed class ResilientEndpointPoolTests
{
    private static readonly Uri s_first = new("http://first.test/v1/chat/completions");
    private static readonly Uri s_second = new("http://second.test/v1/chat/completions");

    [Fact]
    public async Task SendAsync_RetryAfterFromEndpoint_NewCallsToItWaitUntilThePauseEnds()
    {
        var time = new FakeTimeProvider();
        using var pool = Pool(time, [s_first], new ResilienceOptions { RetryAfterJitter = 0.1 });
        var sends = new ConcurrentQueue<(string Call, DateTimeOffset At)>();
        var throttleOnce = 1;
        ValueTask<AttemptOutcome<string>> Send(ResilientEndpoint endpoint, string call, CancellationToken token)
        {
            sends.Enqueue((call, time.GetUtcNow()));
            return ValueTask.FromResult(Interlocked.Exchange(ref throttleOnce, 0) == 1
                ? AttemptOutcome<string>.ThrottledBy("HTTP 429", TimeSpan.FromSeconds(2))
                : AttemptOutcome<string>.Success(call));
        }

        var start = time.GetUtcNow();
        var throttled = pool.SendAsync(Send, "a", default).AsTask();
        var fresh = pool.SendAsync(Send, "b", default).AsTask();
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Single(sends); // the 429; neither the retry of "a" nor the new call "b" went out

        time.Advance(TimeSpan.FromSeconds(0.3)); // past 2 s plus at most 10% jitter
        var results = await Task.WhenAll(throttled, fresh);

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(2, results[0].Attempts);
        Assert.Equal(1, results[1].Attempts);
        Assert.Equal(3, sends.Count);
        Assert.All(sends.Skip(1), s => Assert.True(s.At - start >= TimeSpan.FromSeconds(2), $"{s.Call} sent at {s.At - start}"));
    }

    [Fact]
    public async Task SendAsync_HungAttempt_TimesOutAndRetriesHoldingOneSlotForOneTimeout()
    {
        var time = new FakeTimeProvider();
        using var pool = Pool(time, [s_first], new ResilienceOptions { RequestTimeout = TimeSpan.FromSeconds(5), BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero });
        var attempts = 0;
        async ValueTask<AttemptOutcome<string>> Send(ResilientEndpoint endpoint, string call, CancellationToken token)
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, token); // the server never answers
            }

            return AttemptOutcome<string>.Success(call);
        }

        var call = pool.SendAsync(Send, "a", default).AsTask();
        Assert.Equal(1, pool.Limiter.InFlight);
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(call.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await call;

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(0, pool.Limiter.InFlight);
    }

    [Fact]
    public async Task SendAsync_EveryAttemptHangs_TotalTimeoutEndsTheCallAsTimeout()
    {
        var time = new FakeTimeProvider();
        var options = new ResilienceOptions
        {
            RequestTimeout = TimeSpan.FromSeconds(2), TotalTimeout = TimeSpan.FromSeconds(5), MaxRetries = 10,
            BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero,
        };
        using var pool = Pool(time, [s_first], options);
        static async ValueTask<AttemptOutcome<string>> Hang(ResilientEndpoint endpoint, string call, CancellationToken token)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return AttemptOutcome<string>.Success(call);
        }

        var result = await FakeTimeDriver.RunAsync(time, pool.SendAsync(Hang, "a", default).AsTask(), TimeSpan.FromMilliseconds(100));

        Assert.False(result.Succeeded);
        Assert.Equal(ResponseStatus.Timeout, result.Status);
        Assert.Contains("total timeout of 5 s", result.Cause, StringComparison.Ordinal);
        Assert.Equal(3, result.Attempts); // 2 s, 2 s, then 1 s into the third
    }

    [Fact]
    public async Task SendAsync_OneEndpointKeepsFailing_CircuitOpensAndCallsGoToTheOther()
    {
        var time = new FakeTimeProvider();
        var options = new ResilienceOptions
        {
            BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, BreakerMinimumThroughput = 4, BreakDuration = TimeSpan.FromSeconds(30),
        };
        using var pool = Pool(time, [s_first, s_second], options);
        var sends = new ConcurrentDictionary<string, int>();
        ValueTask<AttemptOutcome<string>> Send(ResilientEndpoint endpoint, string call, CancellationToken token)
        {
            sends.AddOrUpdate(endpoint.Display, 1, (_, n) => n + 1);
            return ValueTask.FromResult(endpoint.RequestUri == s_first
                ? AttemptOutcome<string>.Transient("HTTP 500 (InternalServerError)")
                : AttemptOutcome<string>.Success(call));
        }

        var results = new List<CallResult<string>>();
        for (var i = 0; i < 40; i++)
        {
            results.Add(await pool.SendAsync(Send, $"c{i}", default));
        }

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(Polly.CircuitBreaker.CircuitState.Open, pool.Endpoints[0].Circuit.CircuitState);
        Assert.InRange(sends["http://first.test/v1/chat/completions"], 4, 6);
        Assert.Equal(40, sends["http://second.test/v1/chat/completions"]);
        Assert.All(results.Skip(12), r => Assert.Equal(1, r.Attempts)); // once open, no call starts at the broken endpoint

        time.Advance(TimeSpan.FromSeconds(30)); // the break is over: the next call that starts there is the probe
        var before = sends["http://first.test/v1/chat/completions"];
        await pool.SendAsync(Send, "probe-a", default);
        await pool.SendAsync(Send, "probe-b", default);
        Assert.Equal(before + 1, sends["http://first.test/v1/chat/completions"]);
    }

    [Fact]
    public async Task SendAsync_OnlyEndpointCircuitOpen_FailsFastAsCircuitOpenWithoutSending()
    {
        var time = new FakeTimeProvider();
        var options = new ResilienceOptions { MaxRetries = 0, BreakerMinimumThroughput = 3, BreakDuration = TimeSpan.FromSeconds(30) };
        using var pool = Pool(time, [s_first], options);
        var sends = 0;
        ValueTask<AttemptOutcome<string>> Send(ResilientEndpoint endpoint, string call, CancellationToken token)
        {
            Interlocked.Increment(ref sends);
            return ValueTask.FromResult(AttemptOutcome<string>.Transient("connection failed (ConnectionError)"));
        }

        for (var i = 0; i < 3; i++)
        {
            await pool.SendAsync(Send, "x", default);
        }

        await WaitUntilAsync(() => pool.Endpoints[0].BlockedUntil > time.GetUtcNow()); // the breaker reports its opening asynchronously
        var rejected = await pool.SendAsync(Send, "y", default);

        Assert.Equal(3, sends);
        Assert.False(rejected.Succeeded);
        Assert.Equal(ResponseStatus.Error, rejected.Status);
        Assert.Contains("circuit open", rejected.Cause, StringComparison.Ordinal);
        Assert.Equal("http://first.test/v1/chat/completions", rejected.Endpoint);
    }

    [Fact]
    public async Task SendAsync_FinalFailure_NotRetried()
    {
        using var pool = Pool(new FakeTimeProvider(), [s_first], new ResilienceOptions());
        var sends = 0;
        ValueTask<AttemptOutcome<string>> Send(ResilientEndpoint endpoint, string call, CancellationToken token)
        {
            Interlocked.Increment(ref sends);
            return ValueTask.FromResult(AttemptOutcome<string>.Final(ResponseStatus.ContentFiltered, "HTTP 400: content_filter"));
        }

        var result = await pool.SendAsync(Send, "x", default);

        Assert.Equal(1, sends);
        Assert.Equal(ResponseStatus.ContentFiltered, result.Status);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_ThrowsOperationCanceled()
    {
        var time = new FakeTimeProvider();
        using var pool = Pool(time, [s_first], new ResilienceOptions());
        using var cts = new CancellationTokenSource();
        static async ValueTask<AttemptOutcome<string>> Hang(ResilientEndpoint endpoint, string call, CancellationToken token)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return AttemptOutcome<string>.Success(call);
        }

        var call = pool.SendAsync(Hang, "a", cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(0, pool.Limiter.InFlight);
    }

    private static ResilientEndpointPool<string> Pool(FakeTimeProvider time, Uri[] endpoints, ResilienceOptions options) =>
        new(endpoints, maxConcurrency: 8, options, time, new Random(3));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, guard.Token);
        }
    }
}
