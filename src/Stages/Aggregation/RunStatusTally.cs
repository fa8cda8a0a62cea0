using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Aggregation;

/// <summary>
/// Streams responses and judgments into the counters a run report shows: rows per (model, task, status) for every
/// response that was not <see cref="ResponseStatus.Answered"/> (<c>error</c>, <c>timeout</c>, <c>content_filtered</c>,
/// <c>empty</c>, <c>truncated</c>) and every judgment that is <c>ambiguous</c>, <c>unparseable</c> or
/// <c>judge_error</c> (skipped judgments only mirror failed responses and are not counted again); per (model, task) the
/// judgments that are not skipped and how many of them are ambiguous (<see cref="JudgedCounts"/>, the ambiguous rate);
/// the total of extra attempts (retries); and cache hits. Memory is O(models × tasks × statuses). Not thread-safe: use
/// one consumer.
/// </summary>
public sealed class RunStatusTally
{
    private readonly Dictionary<(string Model, string Task, string Status), long> _counts = [];
    private readonly Dictionary<(string Model, string Task), (long Judged, long Ambiguous)> _judged = [];

    public long Responses { get; private set; }

    /// <summary>Sum over responses of (attempts − 1).</summary>
    public long RetryTotal { get; private set; }

    public long CacheHits { get; private set; }

    public void Add(ModelResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Responses++;
        RetryTotal += Math.Max(0, response.Attempts - 1);
        if (response.CacheHit)
        {
            CacheHits++;
        }

        if (response.Status != ResponseStatus.Answered)
        {
            Increment(response.ModelId, response.TaskId, response.Status.ToName());
        }
    }

    public void Add(Judgment judgment)
    {
        ArgumentNullException.ThrowIfNull(judgment);
        if (judgment.Status is JudgmentStatus.Ambiguous or JudgmentStatus.Unparseable or JudgmentStatus.JudgeError)
        {
            Increment(judgment.ModelId, judgment.TaskId, judgment.Status.ToName());
        }

        if (judgment.Status != JudgmentStatus.Skipped)
        {
            var key = (judgment.ModelId, judgment.TaskId);
            var (judged, ambiguous) = _judged.GetValueOrDefault(key);
            _judged[key] = (judged + 1, ambiguous + (judgment.Status == JudgmentStatus.Ambiguous ? 1 : 0));
        }
    }

    /// <summary>Judged and ambiguous judgments per (model, task), sorted by model and task (ordinal).</summary>
    public IReadOnlyList<JudgedCount> JudgedCounts() =>
    [
        .. _judged
            .OrderBy(p => p.Key.Model, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Task, StringComparer.Ordinal)
            .Select(p => new JudgedCount(p.Key.Model, p.Key.Task, p.Value.Judged, p.Value.Ambiguous)),
    ];

    /// <summary>The counts, sorted by model, task and status (ordinal).</summary>
    public IReadOnlyList<StatusCount> Counts() =>
    [
        .. _counts
            .OrderBy(p => p.Key.Model, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Task, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Status, StringComparer.Ordinal)
            .Select(p => new StatusCount(p.Key.Model, p.Key.Task, p.Key.Status, p.Value)),
    ];

    private void Increment(string model, string task, string status)
    {
        var key = (model, task, status);
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
    }
}
