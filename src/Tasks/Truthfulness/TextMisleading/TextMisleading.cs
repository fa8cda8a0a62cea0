using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Truthfulness.TextMisleading;

/// <summary>
/// T.5 Text Misleading VQA (<c>max_new_tokens: 100</c>, from the task YAML).
/// Official: <see cref="OfficialTextMisleadingSource"/>, one subset <c>mistext</c>; GPT-4 consistency judge → YN
/// yes-rate = <c>accuracy</c>; score = 100 · accuracy over all samples.
/// </summary>
public static class TextMisleading
{
    public const string TaskId = "t5-text-misleading";

    public static TaskDefinition Definition { get; } = new(TaskTable.Info(TaskId), new TaskGenerationSettings(100))
    {
        Synthetic = TextMisleadingSynthetic.Binding,
        Official = new SuiteBinding(
            new OfficialTextMisleadingSource(),
            TruthfulnessVerdicts.GptYes("protocol-consistency"),
            TruthfulnessVerdicts.Accuracy,
            TaskFormulas.For(TaskId))
        {
            Coverage = "release query_g_mistext (misleading text with the image); GPT-4 judge",
        },
    };
}
