using MultiTrust.Core.Contracts;

namespace MultiTrust.Sinks.Compare;

/// <summary>
/// What the comparer knows about tasks: each task's metric definitions (judge to pair on, direction). Tasks missing
/// here are still compared, unpaired from their metric rows, with the direction of <see cref="MetricDirections"/>.
/// Immutable and thread-safe.
/// </summary>
public sealed class ComparisonCatalog
{
    private readonly Dictionary<string, IReadOnlyList<MetricDefinition>> _metricsByTask;

    public ComparisonCatalog(IReadOnlyDictionary<string, IReadOnlyList<MetricDefinition>> metricsByTask)
    {
        ArgumentNullException.ThrowIfNull(metricsByTask);
        _metricsByTask = new Dictionary<string, IReadOnlyList<MetricDefinition>>(metricsByTask, StringComparer.Ordinal);
    }

    /// <summary>A catalog that knows no task: every comparison is unpaired and directions come from metric names.</summary>
    public static ComparisonCatalog Empty { get; } = new(new Dictionary<string, IReadOnlyList<MetricDefinition>>());

    /// <summary>The definition of <paramref name="metric"/> of <paramref name="taskId"/>, or null.</summary>
    public MetricDefinition? Find(string taskId, string metric) =>
        _metricsByTask.TryGetValue(taskId, out var metrics)
            ? metrics.FirstOrDefault(m => string.Equals(m.Name, metric, StringComparison.Ordinal))
            : null;

    public bool HigherIsBetter(string taskId, string metric) => Find(taskId, metric)?.HigherIsBetter ?? MetricDirections.HigherIsBetter(metric);

    /// <summary>The judges whose scores define the task's metrics (empty for an unknown task).</summary>
    public IReadOnlyCollection<string> JudgesOf(string taskId) =>
        _metricsByTask.TryGetValue(taskId, out var metrics) ? [.. metrics.Select(m => m.JudgeId).Distinct(StringComparer.Ordinal)] : [];
}
