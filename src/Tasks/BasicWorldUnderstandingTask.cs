using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Synthetic.Scenes;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Stages.Judging;

namespace MultiTrust.Tasks;

/// <summary>
/// T.1 Basic World Understanding, synthetic suite: <see cref="SceneGenerator"/> scenes with yes/no statements in the
/// subsets <c>object</c>, <c>attribute</c>, <c>scene</c> (the protocol's d-basic datasets; grounding and OCR are not
/// generated). Judge <c>yesno</c>; metric <c>accuracy</c>. Task score (<see cref="TaskFormulas.Synthetic"/>) = 100 ·
/// accuracy over all subsets.
/// </summary>
public sealed class BasicWorldUnderstandingTask : ITrustTask
{
    public const string TaskId = "t1-basic";

    public TaskInfo Info { get; } = TaskTable.Info(TaskId);

    public IReadOnlyList<IJudge> Judges { get; } = [new YesNoJudge()];

    public IReadOnlyList<MetricDefinition> Metrics { get; } = [new MetricDefinition("accuracy", "yesno", HigherIsBetter: true)];

    public IAsyncEnumerable<Sample> GenerateAsync(TaskGenerationContext context, CancellationToken cancellationToken) =>
        new SceneGenerator(Info).GenerateAsync(context, cancellationToken);

    /// <summary>The synthetic formula of <see cref="TaskFormulas.Synthetic"/>: 100 · pooled accuracy.</summary>
    public ScoreRow Score(string runId, string modelId, IReadOnlyList<MetricRow> metrics) =>
        TaskScores.FromSyntheticFormula(runId, modelId, TaskId, metrics);
}
