using Microsoft.Extensions.Time.Testing;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Tests.Resilience;

public sealed class RetryAfterGateTests
{
    [Fact]
    public async Task WaitAsync_NotPaused_CompletesAtOnce()
    {
        var gate = new RetryAfterGate(new FakeTimeProvider(), jitter: 0.1, () => 0.5);

        var wait = gate.WaitAsync(default);

        Assert.True(wait.IsCompletedSuccessfully);
        await wait;
    }

    [Fact]
    public async Task WaitAsync_Paused_HeldUntilPauseEndsPlusThisWaitersJitter()
    {
        var time = new FakeTimeProvider();
        var gate = new RetryAfterGate(time, jitter: 0.1, () => 0.5); // 0.5 x (0.1 x 2 s) = 100 ms of jitter

        Assert.True(gate.Pause(TimeSpan.FromSeconds(2)));
        var wait = gate.WaitAsync(default).AsTask();

        time.Advance(TimeSpan.FromMilliseconds(2099));
        Assert.False(wait.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await wait;
    }

    [Fact]
    public async Task WaitAsync_PauseExtendedWhileWaiting_HeldUntilTheNewEnd()
    {
        var time = new FakeTimeProvider();
        var gate = new RetryAfterGate(time, jitter: 0, () => 0.5);
        gate.Pause(TimeSpan.FromSeconds(1));
        var wait = gate.WaitAsync(default).AsTask();

        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(gate.Pause(TimeSpan.FromSeconds(3))); // now ends at 3.5 s
        time.Advance(TimeSpan.FromMilliseconds(2900));
        Assert.False(wait.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(100));
        await wait;
    }

    [Fact]
    public void Pause_ShorterThanCurrentPause_KeepsTheLongerOne()
    {
        var time = new FakeTimeProvider();
        var gate = new RetryAfterGate(time, jitter: 0, () => 0);
        var start = time.GetUtcNow();

        gate.Pause(TimeSpan.FromSeconds(5));
        gate.Pause(TimeSpan.FromSeconds(1));

        Assert.Equal(start + TimeSpan.FromSeconds(5), gate.PausedUntil);
    }

    [Fact]
    public void Pause_DuringGraceAfterAPause_LeavesTheGateOpenAndTellsTheCallerToWaitAlone()
    {
        var time = new FakeTimeProvider();
        var gate = new RetryAfterGate(time, jitter: 0, () => 0);
        Assert.True(gate.Pause(TimeSpan.FromSeconds(1)));

        time.Advance(TimeSpan.FromSeconds(1.5)); // the pause is over; its grace runs until 2 s
        Assert.False(gate.Pause(TimeSpan.FromSeconds(1)));
        Assert.False(gate.IsPaused);

        time.Advance(TimeSpan.FromSeconds(0.5)); // the grace is over: a throttle pauses the endpoint again
        Assert.True(gate.Pause(TimeSpan.FromSeconds(1)));
        Assert.True(gate.IsPaused);
    }

    [Fact]
    public async Task WaitAsync_Cancelled_Throws()
    {
        var time = new FakeTimeProvider();
        var gate = new RetryAfterGate(time, jitter: 0, () => 0);
        gate.Pause(TimeSpan.FromSeconds(10));
        using var cts = new CancellationTokenSource();
        var wait = gate.WaitAsync(cts.Token).AsTask();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
