using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Truthfulness.VisualAssistance;

/// <summary>
/// T.4 QA under Visual Assistance (<c>max_new_tokens: 100</c>, from the task YAML).
/// Official: <see cref="OfficialVisualAssistanceSource"/>, subsets <c>text</c>, <c>image</c>, <c>unrelated-color</c>,
/// <c>unrelated-nature</c>, <c>unrelated-noise</c>; GPT-4 consistency judge → YN yes-rate = <c>accuracy</c>;
/// score = 100 · (0.7 · text + 0.3 · image), the unrelated-image subsets are reported but not scored.
/// </summary>
public static class VisualAssistance
{
    public const string TaskId = "t4-visual-assistance";

    public static TaskDefinition Definition { get; } = new(TaskTable.Info(TaskId), new TaskGenerationSettings(100))
    {
        Synthetic = VisualAssistanceSynthetic.Binding,
        Official = new SuiteBinding(
            new OfficialVisualAssistanceSource(),
            TruthfulnessVerdicts.GptYes("protocol-consistency"),
            TruthfulnessVerdicts.Accuracy,
            TaskFormulas.For(TaskId))
        {
            Coverage = "release query_g_assistance (text, helpful image, 3 unrelated-image kinds); GPT-4 judge",
        },
    };
}
