using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Aggregation;

/// <summary>
/// Streams <see cref="Judgment"/> rows into per-(model, task, subset) metric accumulators and builds
/// <see cref="MetricRow"/>s. Every task's metrics are declared as data (<see cref="MetricDefinition"/>: the mean of the
/// scores of one judge). Memory is proportional to the number of (model, task, subset) groups, never to the number of
/// judgments.
/// </summary>
/// <remarks>
/// <para>Per metric and group: <c>N</c> counts judgments of the metric's judge with a non-null score whose status is
/// neither <see cref="JudgmentStatus.Skipped"/> (failed response) nor <see cref="JudgmentStatus.JudgeError"/>;
/// <c>Excluded</c> counts the judge's Skipped and JudgeError judgments; <c>Value</c> is the mean score (null when
/// N = 0). Judgments with a null score and another status (for example unparseable with no score) count in neither.</para>
/// <para>The 95% CI is the Wilson score interval when every score is 0 or 1, otherwise the normal approximation
/// mean ± 1.96·s/√n (null for N &lt; 2, clipped to [0, 1] when all scores lie in [0, 1]).</para>
/// <para>Each group is also folded into subset <see cref="AllSubsets"/>; a judgment whose subset is literally
/// <c>all</c> is counted there once.</para>
/// <para>Not thread-safe: feed it from a single consumer (for example the sink side of the graph).</para>
/// </remarks>
public sealed class MetricAggregator
{
    /// <summary>The subset name of the whole-task rows.</summary>
    public const string AllSubsets = "all";

    private readonly Dictionary<string, MetricDefinition[]> _metricsByTask;
    private readonly Dictionary<(string Model, string Task, string Subset), MetricAccumulator[]> _groups = [];

    /// <param name="metricsByTask">Metric definitions per task id. Judgments of other tasks are rejected.</param>
    public MetricAggregator(IReadOnlyDictionary<string, IReadOnlyList<MetricDefinition>> metricsByTask)
    {
        ArgumentNullException.ThrowIfNull(metricsByTask);
        _metricsByTask = new Dictionary<string, MetricDefinition[]>(StringComparer.Ordinal);
        foreach (var (taskId, metrics) in metricsByTask)
        {
            ArgumentNullException.ThrowIfNull(metrics, $"{nameof(metricsByTask)}[{taskId}]");
            var duplicate = metrics.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new ArgumentException(
                    $"Task '{taskId}' declares metric '{duplicate.Key}' more than once.", nameof(metricsByTask));
            }

            _metricsByTask[taskId] = [.. metrics];
        }
    }

    /// <summary>Creates an aggregator for the metrics these tasks declare (<see cref="ITrustTask.Metrics"/>).</summary>
    public static MetricAggregator ForTasks(IEnumerable<ITrustTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var map = new Dictionary<string, IReadOnlyList<MetricDefinition>>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (!map.TryAdd(task.Info.Id, task.Metrics))
            {
                throw new ArgumentException($"Task '{task.Info.Id}' is listed more than once.", nameof(tasks));
            }
        }

        return new MetricAggregator(map);
    }

    /// <summary>Folds one judgment into its groups.</summary>
    /// <exception cref="InvalidOperationException">The task has no metric definitions, or the score is not finite.</exception>
    public void Add(Judgment judgment)
    {
        ArgumentNullException.ThrowIfNull(judgment);
        if (!_metricsByTask.TryGetValue(judgment.TaskId, out var metrics))
        {
            throw new InvalidOperationException(
                $"Judgment of sample '{judgment.SampleId}' (judge '{judgment.JudgeId}', model '{judgment.ModelId}') " +
                $"belongs to task '{judgment.TaskId}', which has no metric definitions in this aggregator.");
        }

        if (judgment.Score is { } s && !double.IsFinite(s))
        {
            throw new InvalidOperationException(
                $"Judge '{judgment.JudgeId}' gave a non-finite score ({s}) to sample '{judgment.SampleId}' " +
                $"(task '{judgment.TaskId}', model '{judgment.ModelId}'); judges must return finite scores or null.");
        }

        var all = GroupOf(judgment.ModelId, judgment.TaskId, AllSubsets, metrics.Length);
        var subset = judgment.Subset == AllSubsets
            ? null
            : GroupOf(judgment.ModelId, judgment.TaskId, judgment.Subset, metrics.Length);

        for (var i = 0; i < metrics.Length; i++)
        {
            if (!string.Equals(metrics[i].JudgeId, judgment.JudgeId, StringComparison.Ordinal))
            {
                continue;
            }

            if (judgment.Status is JudgmentStatus.Skipped or JudgmentStatus.JudgeError)
            {
                all[i].AddExcluded();
                subset?[i].AddExcluded();
            }
            else if (judgment.Score is { } score)
            {
                all[i].AddScore(score);
                subset?[i].AddScore(score);
            }
        }
    }

    /// <summary>
    /// The metric rows so far, sorted by model, task, subset (<c>all</c> first, then ordinal) and metric (declaration
    /// order). Every declared metric of a seen (model, task, subset) has a row, with a null value when N = 0.
    /// </summary>
    public IReadOnlyList<MetricRow> Build(string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var rows = new List<MetricRow>();
        var keys = _groups.Keys
            .OrderBy(k => k.Model, StringComparer.Ordinal)
            .ThenBy(k => k.Task, StringComparer.Ordinal)
            .ThenBy(k => k.Subset == AllSubsets ? 0 : 1)
            .ThenBy(k => k.Subset, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var metrics = _metricsByTask[key.Task];
            var accumulators = _groups[key];
            for (var i = 0; i < metrics.Length; i++)
            {
                rows.Add(accumulators[i].ToRow(runId, key.Model, key.Task, key.Subset, metrics[i].Name));
            }
        }

        return rows;
    }

    private MetricAccumulator[] GroupOf(string model, string task, string subset, int count)
    {
        if (!_groups.TryGetValue((model, task, subset), out var group))
        {
            group = new MetricAccumulator[count];
            for (var i = 0; i < count; i++)
            {
                group[i] = new MetricAccumulator();
            }

            _groups.Add((model, task, subset), group);
        }

        return group;
    }
}
