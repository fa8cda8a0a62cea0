using MultiTrust.Core.Records;
using MultiTrust.Stages.Aggregation;

namespace MultiTrust.Tasks;

/// <summary>Shared pieces of the task-score formulas.</summary>
internal static class TaskScores
{
    public const string Synthetic = "synthetic suite: not comparable to the paper";

    /// <summary>The value of <paramref name="metric"/> for the task and subset, or null when absent or undefined.</summary>
    public static double? Value(IReadOnlyList<MetricRow> metrics, string taskId, string subset, string metric) =>
        metrics.FirstOrDefault(m => m.TaskId == taskId && m.Subset == subset && m.Metric == metric && m.Value is not null)?.Value;

    public static ScoreRow Row(string runId, string modelId, string taskId, double? value, string note) =>
        new(runId, modelId, MultiTrustScoring.TaskLevel, taskId, value, note);
}
