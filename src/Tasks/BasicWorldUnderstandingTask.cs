using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Synthetic.Scenes;
using MultiTrust.Stages.Aggregation;
using MultiTrust.Stages.Judging;

namespace MultiTrust.Tasks;

/// <summary>
/// T.1 Basic World Understanding, synthetic suite: <see cref="SceneGenerator"/> scenes with yes/no statements in the
/// subsets <c>object</c>, <c>attribute</c>, <c>scene</c> (the protocol's d-basic datasets; grounding and OCR are not
/// generated). Judge <c>yesno</c>; metric <c>accuracy</c>. Task score = 100 · accuracy over all subsets.
/// </summary>
public sealed class BasicWorldUnderstandingTask : ITrustTask
{
    public const string TaskId = "t1-basic";

    public TaskInfo Info { get; } = TaskTable.Info(TaskId);

    public IReadOnlyList<IJudge> Judges { get; } = [new YesNoJudge()];

    public IReadOnlyList<MetricDefinition> Metrics { get; } = [new MetricDefinition("accuracy", "yesno", HigherIsBetter: true)];

    public IAsyncEnumerable<Sample> GenerateAsync(TaskGenerationContext context, CancellationToken cancellationToken) =>
        new SceneGenerator(Info).GenerateAsync(context, cancellationToken);

    public ScoreRow Score(string runId, string modelId, IReadOnlyList<MetricRow> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var accuracy = TaskScores.Value(metrics, TaskId, MetricAggregator.AllSubsets, "accuracy");
        return accuracy is { } value
            ? TaskScores.Row(runId, modelId, TaskId, 100 * value, TaskScores.Synthetic + "; T.1 = 100 · accuracy over object, attribute and scene statements (no grounding or OCR)")
            : TaskScores.Row(runId, modelId, TaskId, null, "not scored: no judged responses for accuracy");
    }
}
