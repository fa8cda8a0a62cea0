using MultiTrust.Stages.Inference.OpenAICompatible;

namespace MultiTrust.Stages.Tests.Inference.OpenAICompatible;

public sealed class AdaptiveConcurrencyLimiterTests
{
    [Fact]
    public async Task AcquireAsync_AtLimit_WaitsUntilRelease()
    {
        var limiter = new AdaptiveConcurrencyLimiter(2, successesPerIncrease: 1);
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
        var limiter = new AdaptiveConcurrencyLimiter(8, successesPerIncrease: 100);
        var a = await limiter.AcquireAsync(CancellationToken.None);
        var b = await limiter.AcquireAsync(CancellationToken.None);

        limiter.Release(a, ConcurrencySignal.Throttled);
        limiter.Release(b, ConcurrencySignal.Throttled);
        Assert.Equal(4, limiter.CurrentLimit);

        var c = await limiter.AcquireAsync(CancellationToken.None);
        limiter.Release(c, ConcurrencySignal.Throttled);
        Assert.Equal(2, limiter.CurrentLimit);
    }

    [Fact]
    public async Task Release_ThrottledRepeatedly_NeverBelowOne()
    {
        var limiter = new AdaptiveConcurrencyLimiter(3, successesPerIncrease: 100);
        for (var i = 0; i < 5; i++)
        {
            var lease = await limiter.AcquireAsync(CancellationToken.None);
            limiter.Release(lease, ConcurrencySignal.Throttled);
        }

        Assert.Equal(1, limiter.CurrentLimit);
    }

    [Fact]
    public async Task Release_RunOfSuccesses_GrowsByOneUpToMax()
    {
        var limiter = new AdaptiveConcurrencyLimiter(2, successesPerIncrease: 3);
        var t = await limiter.AcquireAsync(CancellationToken.None);
        limiter.Release(t, ConcurrencySignal.Throttled);
        Assert.Equal(1, limiter.CurrentLimit);

        for (var i = 0; i < 9; i++)
        {
            var lease = await limiter.AcquireAsync(CancellationToken.None);
            limiter.Release(lease, ConcurrencySignal.Success);
        }

        Assert.Equal(2, limiter.CurrentLimit);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndDoesNotLeakSlot()
    {
        var limiter = new AdaptiveConcurrencyLimiter(1, successesPerIncrease: 1);
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
        var limiter = new AdaptiveConcurrencyLimiter(limit, successesPerIncrease: 1);
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
