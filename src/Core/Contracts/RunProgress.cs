namespace MultiTrust.Core.Contracts;

/// <summary>
/// Live counters of a run, updated with interlocked operations on the hot path and sampled by progress displays.
/// Thread-safe.
/// </summary>
public sealed class RunProgress
{
    private long _planned;
    private long _completed;
    private long _skippedCommitted;
    private long _failed;
    private long _cacheHits;
    private long _retries;
    private long _committed;
    private long _rejudged;

    public long Planned => Interlocked.Read(ref _planned);

    public long Completed => Interlocked.Read(ref _completed);

    public long SkippedCommitted => Interlocked.Read(ref _skippedCommitted);

    public long Failed => Interlocked.Read(ref _failed);

    public long CacheHits => Interlocked.Read(ref _cacheHits);

    public long Retries => Interlocked.Read(ref _retries);

    public long Committed => Interlocked.Read(ref _committed);

    /// <summary>Committed results judged again (their response reused, the model not called) whose new judgments were written.</summary>
    public long Rejudged => Interlocked.Read(ref _rejudged);

    public void AddPlanned(long count) => Interlocked.Add(ref _planned, count);

    public void AddSkippedCommitted() => Interlocked.Increment(ref _skippedCommitted);

    public void AddCompleted(bool failed, bool cacheHit, int attempts)
    {
        Interlocked.Increment(ref _completed);
        if (failed)
        {
            Interlocked.Increment(ref _failed);
        }

        if (cacheHit)
        {
            Interlocked.Increment(ref _cacheHits);
        }

        if (attempts > 1)
        {
            Interlocked.Add(ref _retries, attempts - 1);
        }
    }

    public void AddCommitted(long count) => Interlocked.Add(ref _committed, count);

    public void AddRejudged() => Interlocked.Increment(ref _rejudged);
}
