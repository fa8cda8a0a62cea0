using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Core.Statistics;

namespace MultiTrust.Stages.Aggregation;

/// <summary>
/// Streams <see cref="Judgment"/> rows into per-(model, task, subset, variant) metric states and builds
/// <see cref="MetricRow"/>s. Every task's metrics are declared as data (<see cref="MetricDefinition"/>: a judge and a
/// <see cref="MetricKind"/>). Memory is proportional to the number of groups (times the bootstrap replicates), never to
/// the number of judgments.
/// </summary>
/// <remarks>
/// <para>Per metric and group: judgments of the metric's judge with status <see cref="JudgmentStatus.Skipped"/> (failed
/// response), <see cref="JudgmentStatus.JudgeError"/> or <see cref="JudgmentStatus.Ambiguous"/> (the judge could not
/// decide; counted separately by <see cref="RunStatusTally"/> as the ambiguous rate) count in <c>Excluded</c>, and so
/// does every other judgment the metric cannot use (a null score): <c>N + Excluded</c> is always the number of the judge's
/// rows; the others feed the metric: <see cref="MetricKind.Mean"/> averages non-null scores,
/// <see cref="MetricKind.FailureRate"/> is the share of ambiguous + unparseable (the one kind that counts ambiguous
/// verdicts, which it is defined over), <see cref="MetricKind.PearsonWithExpected"/> correlates ok scores with the
/// numeric expected answer, and <see cref="MetricKind.Precision"/> / <see cref="MetricKind.Recall"/> /
/// <see cref="MetricKind.F1"/> compare labels with expected answers. <c>N</c> is the metric's denominator; <c>Value</c>
/// is null when undefined.</para>
/// <para>95% CIs: the Wilson score interval for rates (means of 0/1 scores, failure rate). For Pearson, precision,
/// recall, F1 and means of non-binary scores, the seeded streaming Poisson bootstrap
/// (<see cref="PoissonBootstrap"/>): B = 200 replicate states per group, each judgment weighted in replicate b by a
/// Poisson(1) draw determined by (seed, sample id, variant id, model id), and the 2.5%–97.5% percentile interval of the
/// replicate values. The interval is reproducible for a seed and independent of arrival order; null for N &lt; 2 or when
/// fewer than half of the replicates are defined.</para>
/// <para>Each group is also folded into subset <see cref="MetricRow.AllSubsets"/> of the same variant; a judgment whose subset is
/// literally <c>all</c> is counted there once.</para>
/// <para>Not thread-safe: feed it from a single consumer (for example the sink side of the graph).</para>
/// </remarks>
public sealed class MetricAggregator
{
    private readonly Dictionary<string, MetricDefinition[]> _metricsByTask;
    private readonly Dictionary<(string Model, string Task, string Subset, string Variant), MetricState[]> _groups = [];
    private readonly long _seed;
    private readonly int[] _weights = new int[PoissonBootstrap.Replicates];

    /// <param name="metricsByTask">Metric definitions per task id. Judgments of other tasks are rejected.</param>
    /// <param name="seed">The run seed of the bootstrap weights.</param>
    /// <exception cref="ArgumentException">A task declares a metric name twice, or a precision / recall / F1 metric
    /// has no positive label.</exception>
    public MetricAggregator(IReadOnlyDictionary<string, IReadOnlyList<MetricDefinition>> metricsByTask, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(metricsByTask);
        _seed = seed;
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

            var unlabelled = metrics.FirstOrDefault(m =>
                m.Kind is MetricKind.Precision or MetricKind.Recall or MetricKind.F1 && string.IsNullOrEmpty(m.PositiveLabel));
            if (unlabelled is not null)
            {
                throw new ArgumentException(
                    $"Task '{taskId}', metric '{unlabelled.Name}': kind {unlabelled.Kind} needs a positive label.", nameof(metricsByTask));
            }

            _metricsByTask[taskId] = [.. metrics];
        }
    }

    /// <summary>Creates an aggregator for the metrics these tasks declare (<see cref="ITrustTask.Metrics"/>).</summary>
    /// <param name="tasks">The run's tasks.</param>
    /// <param name="seed">The run seed of the bootstrap weights.</param>
    public static MetricAggregator ForTasks(IEnumerable<ITrustTask> tasks, long seed = 0)
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

        return new MetricAggregator(map, seed);
    }

    /// <summary>Folds one judgment into its groups.</summary>
    /// <exception cref="InvalidOperationException">The task has no metric definitions, the score is not finite, or a
    /// Pearson metric meets a non-numeric expected answer.</exception>
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

        var all = GroupOf(judgment.ModelId, judgment.TaskId, MetricRow.AllSubsets, judgment.VariantId, metrics);
        var subset = judgment.Subset == MetricRow.AllSubsets
            ? null
            : GroupOf(judgment.ModelId, judgment.TaskId, judgment.Subset, judgment.VariantId, metrics);
        var excluded = judgment.Status is JudgmentStatus.Skipped or JudgmentStatus.JudgeError;
        var ambiguous = judgment.Status == JudgmentStatus.Ambiguous;
        var weighed = false;
        for (var i = 0; i < metrics.Length; i++)
        {
            if (!string.Equals(metrics[i].JudgeId, judgment.JudgeId, StringComparison.Ordinal))
            {
                continue;
            }

            all[i].CountRow();
            subset?[i].CountRow();
            if (excluded || (ambiguous && metrics[i].Kind != MetricKind.FailureRate))
            {
                continue;
            }

            if (all[i].UsesWeights && !weighed)
            {
                PoissonBootstrap.Weights(_seed, judgment.SampleId, judgment.VariantId, judgment.ModelId, _weights);
                weighed = true;
            }

            ReadOnlySpan<int> weights = all[i].UsesWeights ? _weights : [];
            all[i].Add(judgment, weights);
            subset?[i].Add(judgment, weights);
        }
    }

    /// <summary>
    /// The metric rows so far, sorted by model, task, variant (<c>clean</c> first, then ordinal), subset (<c>all</c>
    /// first, then ordinal) and metric (declaration order). Every declared metric of a seen group has a row, with a null
    /// value when it is undefined.
    /// </summary>
    public IReadOnlyList<MetricRow> Build(string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var rows = new List<MetricRow>();
        var keys = _groups.Keys
            .OrderBy(k => k.Model, StringComparer.Ordinal)
            .ThenBy(k => k.Task, StringComparer.Ordinal)
            .ThenBy(k => k.Variant == MetricRow.CleanVariant ? 0 : 1)
            .ThenBy(k => k.Variant, StringComparer.Ordinal)
            .ThenBy(k => k.Subset == MetricRow.AllSubsets ? 0 : 1)
            .ThenBy(k => k.Subset, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var metrics = _metricsByTask[key.Task];
            var states = _groups[key];
            for (var i = 0; i < metrics.Length; i++)
            {
                var e = states[i].Estimate();
                rows.Add(new MetricRow(
                    runId, key.Model, key.Task, key.Subset, metrics[i].Name, e.Value, e.N, e.CiLow, e.CiHigh,
                    states[i].ExcludedOf(e), key.Variant));
            }
        }

        return rows;
    }

    private MetricState[] GroupOf(string model, string task, string subset, string variant, MetricDefinition[] metrics)
    {
        if (!_groups.TryGetValue((model, task, subset, variant), out var group))
        {
            group = [.. metrics.Select(MetricState.Create)];
            _groups.Add((model, task, subset, variant), group);
        }

        return group;
    }
}
