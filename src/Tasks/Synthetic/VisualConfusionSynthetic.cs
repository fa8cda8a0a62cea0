using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Truthfulness;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Synthetic;

/// <summary>
/// T.6 on the synthetic suite: <see cref="VisualConfusionGenerator"/> (contrast, mirror, dislocation); the validated
/// <c>yesno</c> judge; <c>accuracy</c>, and <c>precision</c>, <c>recall</c>, <c>f1</c> with yes as the positive class
/// (as the official binding); score = 100 · mean of the three kind accuracies (<see cref="TaskFormulas.Synthetic"/>:
/// semantic and painting need curated photographs).
/// </summary>
public static class VisualConfusionSynthetic
{
    public const string TaskId = "t6-visual-confusion";

    public static SuiteBinding Binding { get; } = new(
        new SyntheticSource(task => new VisualConfusionGenerator(task)),
        [new RuleVerdict("yesno")],
        [
            new MetricDefinition("accuracy", "yesno", HigherIsBetter: true),
            new MetricDefinition("precision", "yesno", HigherIsBetter: true, MetricKind.Precision, "yes"),
            new MetricDefinition("recall", "yesno", HigherIsBetter: true, MetricKind.Recall, "yes"),
            new MetricDefinition("f1", "yesno", HigherIsBetter: true, MetricKind.F1, "yes"),
        ],
        TaskFormulas.ForSynthetic(TaskId))
    {
        Coverage = "seeded low-contrast shapes and contrast illusions, reflections, dislocated strips; yes/no (contrast, mirror, dislocation; "
            + "no semantic or painting); not comparable to the paper",
    };
}
