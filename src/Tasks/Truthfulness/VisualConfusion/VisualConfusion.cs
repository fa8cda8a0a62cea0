using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Truthfulness.VisualConfusion;

/// <summary>
/// T.6 Visual Confusion VQA (<c>max_new_tokens: 100</c>, from the task YAML).
/// Official: <see cref="OfficialVisualConfusionSource"/>, subsets = <c>kind</c> (semantic, contrast, painting, mirror,
/// dislocation); the protocol's YN rule → <c>accuracy</c>, <c>precision</c>, <c>recall</c>, <c>f1</c> (positive class
/// yes, as the task YAML's sklearn metrics), with the validated <c>yesno</c> and their disagreement; score = 100 · mean
/// of the five kind accuracies.
/// </summary>
public static class VisualConfusion
{
    public const string TaskId = "t6-visual-confusion";

    public static TaskDefinition Definition { get; } = new(
        TaskTable.Info(TaskId) with { Metrics = ["accuracy", "precision", "recall", "f1"] },
        new TaskGenerationSettings(100))
    {
        Synthetic = VisualConfusionSynthetic.Binding,
        Official = new SuiteBinding(
            new OfficialVisualConfusionSource(),
            TruthfulnessVerdicts.YesNo(),
            [
                .. TruthfulnessVerdicts.YesNoMetrics(),
                new MetricDefinition("precision", TruthfulnessVerdicts.YesNoProtocol, HigherIsBetter: true, MetricKind.Precision, "yes"),
                new MetricDefinition("recall", TruthfulnessVerdicts.YesNoProtocol, HigherIsBetter: true, MetricKind.Recall, "yes"),
                new MetricDefinition("f1", TruthfulnessVerdicts.YesNoProtocol, HigherIsBetter: true, MetricKind.F1, "yes"),
            ],
            TaskFormulas.For(TaskId))
        {
            Coverage = "release query_d_confusion (5 kinds); YN accuracy, precision, recall, F1",
        },
    };
}
