using System.Collections.Concurrent;

namespace MultiTrust.Stages.Tests.Judging.Classifiers;

/// <summary>
/// Real time, except that timers shorter than <see cref="Threshold"/> (retry delays) fire at once; every requested due
/// time is recorded, so a test can check the delay asked for without waiting for it.
/// </summary>
internal sealed class DelayRecordingTimeProvider : TimeProvider
{
    public TimeSpan Threshold { get; init; } = TimeSpan.FromSeconds(20);

    public ConcurrentQueue<TimeSpan> DueTimes { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        DueTimes.Enqueue(dueTime);
        return System.CreateTimer(callback, state, dueTime < Threshold ? TimeSpan.Zero : dueTime, period);
    }
}
