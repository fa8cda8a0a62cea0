using MultiTrust.Core.Contracts;

namespace MultiTrust.Core.Tests.Contracts;

public sealed class RunProgressTests
{
    [Fact]
    public void NewProgress_AllCountersAreZero()
    {
        var progress = new RunProgress();

        Assert.Equal(
            (0L, 0L, 0L, 0L, 0L, 0L, 0L),
            (progress.Planned, progress.Completed, progress.SkippedCommitted, progress.Failed, progress.CacheHits, progress.Retries, progress.Committed));
    }

    [Fact]
    public void AddCompleted_SingleAttempt_AddsNoRetries()
    {
        var progress = new RunProgress();

        progress.AddCompleted(failed: false, cacheHit: true, attempts: 1);
        progress.AddCompleted(failed: true, cacheHit: false, attempts: 0);

        Assert.Equal((2L, 1L, 1L, 0L), (progress.Completed, progress.Failed, progress.CacheHits, progress.Retries));
    }

    [Theory]
    [InlineData(2, 1_000)]
    [InlineData(16, 5_000)]
    [InlineData(64, 500)]
    public void Counters_ConcurrentUpdates_SumExactly(int workers, int perWorker)
    {
        var progress = new RunProgress();
        long expectedFailed = 0, expectedHits = 0, expectedRetries = 0;
        for (var i = 0; i < perWorker; i++)
        {
            expectedFailed += i % 3 == 0 ? 1 : 0;
            expectedHits += i % 5 == 0 ? 1 : 0;
            expectedRetries += i % 4;
        }

        using var start = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(() =>
        {
            start.Wait();
            for (var i = 0; i < perWorker; i++)
            {
                progress.AddPlanned(2);
                progress.AddCompleted(failed: i % 3 == 0, cacheHit: i % 5 == 0, attempts: (i % 4) + 1);
                progress.AddSkippedCommitted();
                progress.AddCommitted(3);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        start.Set();
        threads.ForEach(t => t.Join());

        long n = workers * (long)perWorker;
        Assert.Equal(2 * n, progress.Planned);
        Assert.Equal(n, progress.Completed);
        Assert.Equal(n, progress.SkippedCommitted);
        Assert.Equal(3 * n, progress.Committed);
        Assert.Equal(workers * expectedFailed, progress.Failed);
        Assert.Equal(workers * expectedHits, progress.CacheHits);
        Assert.Equal(workers * expectedRetries, progress.Retries);
    }
}
