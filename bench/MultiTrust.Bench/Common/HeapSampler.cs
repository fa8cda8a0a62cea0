using System.Diagnostics;

namespace MultiTrust.Bench.Common;

/// <summary>
/// Samples managed memory (<see cref="GC.GetTotalMemory(bool)"/> without forcing a collection, and the heap size after
/// the last GC from <see cref="GC.GetGCMemoryInfo()"/>) and a progress counter every <c>interval</c> on a background
/// task.
/// </summary>
public sealed class HeapSampler : IAsyncDisposable
{
    private readonly List<Point> _points = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Func<long> _progress;
    private readonly long _started = Stopwatch.GetTimestamp();

    public HeapSampler(TimeSpan interval, Func<long> progress, Action<Point>? onSample = null)
    {
        _progress = progress;
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    var point = Sample();
                    lock (_points)
                    {
                        _points.Add(point);
                    }

                    onSample?.Invoke(point);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public IReadOnlyList<Point> Points
    {
        get
        {
            lock (_points)
            {
                return [.. _points];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private Point Sample()
    {
        var info = GC.GetGCMemoryInfo();
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        var blocking = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var lastGen2 = background.Index >= blocking.Index ? background : blocking;
        return new Point(
            Stopwatch.GetElapsedTime(_started).TotalSeconds,
            _progress(),
            GC.GetTotalMemory(forceFullCollection: false),
            info.HeapSizeBytes,
            lastGen2.Index == 0 ? 0 : lastGen2.PromotedBytes,
            Environment.WorkingSet);
    }

    /// <summary>
    /// One sample: seconds since start, progress counter, managed bytes now (live + not yet collected), heap bytes after
    /// the last GC, bytes that survived the last gen2 GC (the live set then; 0 before the first), working set.
    /// </summary>
    public sealed record Point(double Seconds, long Progress, long TotalMemory, long HeapAfterLastGc, long LiveAfterLastGen2, long WorkingSet);
}
