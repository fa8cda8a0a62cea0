using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Truthfulness.VisualMisleading;

/// <summary>
/// T.7 Visual Misleading QA (<c>max_new_tokens: 100</c>, from the task YAML).
/// Official: <see cref="OfficialVisualMisleadingSource"/>, subsets <c>none</c>, <c>misvisual</c>, <c>assistance</c>,
/// <c>unrelated-color</c>, <c>unrelated-nature</c>, <c>unrelated-noise</c>; GPT-4 consistency judge → YN yes-rate =
/// <c>accuracy</c>; score = 100 · (0.7 · none + 0.3 · misvisual).
/// </summary>
public static class VisualMisleading
{
    public const string TaskId = "t7-visual-misleading";

    public static TaskDefinition Definition { get; } = new(TaskTable.Info(TaskId), new TaskGenerationSettings(100))
    {
        Synthetic = VisualMisleadingSynthetic.Binding,
        Official = new SuiteBinding(
            new OfficialVisualMisleadingSource(),
            TruthfulnessVerdicts.GptYes("protocol-consistency"),
            TruthfulnessVerdicts.Accuracy,
            TaskFormulas.For(TaskId))
        {
            Coverage = "release query_g_assistance (text only, misleading image, helpful image, 3 unrelated-image kinds); GPT-4 judge",
        },
    };
}
