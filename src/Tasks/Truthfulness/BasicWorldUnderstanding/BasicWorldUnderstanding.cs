using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Scenes;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Truthfulness.BasicWorldUnderstanding;

/// <summary>
/// T.1 Basic World Understanding (<c>max_new_tokens: 100</c>).
/// Synthetic: <see cref="SceneGenerator"/> scenes with yes/no statements in the subsets <c>object</c>, <c>attribute</c>,
/// <c>scene</c>; judge <c>yesno</c>; metric <c>accuracy</c>; score = 100 · pooled accuracy (<see cref="TaskFormulas.Synthetic"/>).
/// </summary>
public static class BasicWorldUnderstanding
{
    public const string TaskId = "t1-basic";

    public static TaskDefinition Definition { get; } = new(TaskTable.Info(TaskId), new TaskGenerationSettings(100))
    {
        Synthetic = new SuiteBinding(
            new SyntheticSource(task => new SceneGenerator(task)),
            [new RuleVerdict("yesno")],
            [new MetricDefinition("accuracy", "yesno", HigherIsBetter: true)],
            TaskFormulas.ForSynthetic(TaskId))
        {
            Coverage = "seeded scenes of coloured shapes, yes/no statements (object, attribute, scene); not comparable to the paper",
        },
    };
}
