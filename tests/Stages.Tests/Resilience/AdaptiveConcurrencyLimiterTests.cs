using Microsoft.Extensions.Time.Testing;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Tests.Resilience;

public sealed class AdaptiveConcurrencyLimiterTests
{
    [Fact]
    public async Task AcquireAsync_AtLimit_WaitsUntilRelease()
    {
        using var limiter = Limiter(2, successesPerIncrease: 1);
        var a = await limiter.AcquireAsync(CancellationToken.None);
        await limiter.AcquireAsync(CancellationToken.None);

        var third = limiter.AcquireAsync(CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);

        limiter.Release(a, ConcurrencySignal.Success);
        await third;
        Assert.Equal(2, limiter.InFlight);
    }

    [Fact]
    public async Task Release_ThrottledTwiceInOneWindow_HalvesOnlyOnce()
    {
        using var limiter = Limiter(8, successesPerIncrease: 100);
        var a = await limiter.AcquireAsync(CancellationToken.None);
        var b = await limiter.AcquireAsync(CancellationToken.None);

        limiter.Release(a, ConcurrencySignal.Throttled);
        limiter.Release(b, ConcurrencySignal.Throttled);
        Assert.Equal(4, limiter.CurrentLimit);

        var c = await limiter.AcquireAsync(CancellationToken.None);
        limiter.Release(c, ConcurrencySignal.Throttled);
        Assert.Equal(2, limiter.CurrentLimit);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(16, 4)]
    [InlineData(64, 16)]
    public async Task Release_ThrottledRepeatedly_NeverBelowFloor(int maxLimit, int floor)
    {
        var time = new FakeTimeProvider();
        using var limiter = new AdaptiveConcurrencyLimiter(maxLimit, successesPerIncrease: 1000, TimeSpan.FromSeconds(2), time);
        var lowest = maxLimit;
        for (var i = 0; i < 50; i++)
        {
            var lease = await limiter.AcquireAsync(CancellationToken.None);
            limiter.Release(lease, ConcurrencySignal.Throttled);
            lowest = Math.Min(lowest, limiter.CurrentLimit);
        }

        Assert.Equal(floor, limiter.Floor);
        Assert.Equal(floor, lowest);
        Assert.Equal(floor, limiter.CurrentLimit);
    }

    [Fact]
    public async Task Recovery_QuietIntervalsAfterThrottling_LimitClimbsBackToMax()
    {
        var time = new FakeTimeProvider();
        using var limiter = new AdaptiveConcurrencyLimiter(16, successesPerIncrease: 1000, TimeSpan.FromSeconds(2), time);
        await ThrottleAsync(limiter, times: 10);
        Assert.Equal(4, limiter.CurrentLimit);

        var seen = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            time.Advance(TimeSpan.FromSeconds(2));
            seen.Add(limiter.CurrentLimit);
        }

        Assert.Equal([8, 12, 16, 16], seen);
    }

    [Fact]
    public async Task Recovery_ThrottleDuringQuietInterval_RestartsTheInterval()
    {
        var time = new FakeTimeProvider();
        using var limiter = new AdaptiveConcurrencyLimiter(16, successesPerIncrease: 1000, TimeSpan.FromSeconds(2), time);
        await ThrottleAsync(limiter, times: 10);

        time.Advance(TimeSpan.FromSeconds(1.5));
        await ThrottleAsync(limiter, times: 1); // at the floor: no lower, but not quiet either
        time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(4, limiter.CurrentLimit);

        time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(8, limiter.CurrentLimit);
    }

    [Fact]
    public async Task Recovery_RaisedLimit_ReleasesWaitersWithoutAnyRelease()
    {
        var time = new FakeTimeProvider();
        using var limiter = new AdaptiveConcurrencyLimiter(8, successesPerIncrease: 1000, TimeSpan.FromSeconds(2), time);
        await ThrottleAsync(limiter, times: 4); // 8 -> 4 -> 2 (floor)
        var held = new[] { await limiter.AcquireAsync(CancellationToken.None), await limiter.AcquireAsync(CancellationToken.None) };
        var waiting = Enumerable.Range(0, 2).Select(_ => limiter.AcquireAsync(CancellationToken.None).AsTask()).ToArray();
        Assert.All(waiting, w => Assert.False(w.IsCompleted));

        time.Advance(TimeSpan.FromSeconds(2)); // 2 -> 4: two more slots, although both holders still hang

        await Task.WhenAll(waiting);
        Assert.Equal(4, limiter.InFlight);
        Assert.Equal(2, held.Length);
    }

    [Fact]
    public async Task Release_RunOfSuccesses_GrowsByOneUpToMaxWithoutTimePassing()
    {
        using var limiter = new AdaptiveConcurrencyLimiter(8, successesPerIncrease: 3, TimeSpan.FromSeconds(2), new FakeTimeProvider());
        await ThrottleAsync(limiter, times: 3);
        Assert.Equal(2, limiter.CurrentLimit);

        var seen = new List<int>();
        for (var i = 0; i < 3 * 7; i++)
        {
            var lease = await limiter.AcquireAsync(CancellationToken.None);
            limiter.Release(lease, ConcurrencySignal.Success);
            seen.Add(limiter.CurrentLimit);
        }

        Assert.Equal([2, 2, 3, 3, 3, 4], seen.Take(6));
        Assert.Equal(8, limiter.CurrentLimit);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndDoesNotLeakSlot()
    {
        using var limiter = Limiter(1, successesPerIncrease: 1);
        var held = await limiter.AcquireAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(cts.Token).AsTask();

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        limiter.Release(held, ConcurrencySignal.Success);

        Assert.Equal(0, limiter.InFlight);
        var next = limiter.AcquireAsync(CancellationToken.None);
        Assert.True(next.IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(4, 8)]
    [InlineData(16, 4)]
    public async Task AcquireAsync_ConcurrentWorkers_NeverExceedLimit(int limit, int workers)
    {
        using var limiter = Limiter(limit, successesPerIncrease: 1);
        var inside = 0;
        var maxInside = 0;
        var completed = 0;

        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                var lease = await limiter.AcquireAsync(CancellationToken.None);
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maxInside, now);
                await Task.Yield();
                Interlocked.Decrement(ref inside);
                Interlocked.Increment(ref completed);
                limiter.Release(lease, ConcurrencySignal.Success);
            }
        })));

        Assert.Equal(workers * 200, completed);
        Assert.InRange(maxInside, 1, limit);
        Assert.Equal(0, limiter.InFlight);
    }

    private static AdaptiveConcurrencyLimiter Limiter(int maxLimit, int successesPerIncrease) =>
        new(maxLimit, successesPerIncrease, TimeSpan.FromSeconds(2), new FakeTimeProvider());

    private static async Task ThrottleAsync(AdaptiveConcurrencyLimiter limiter, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var lease = await limiter.AcquireAsync(CancellationToken.None);
            limiter.Release(lease, ConcurrencySignal.Throttled);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
