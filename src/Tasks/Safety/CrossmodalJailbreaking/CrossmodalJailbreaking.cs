using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Safety.CrossmodalJailbreaking;

/// <summary>
/// S.6 Cross-modal Influence on Jailbreaking (<c>max_new_tokens: 512</c>, the shared S.4–S.6 task YAML).
/// Official: <see cref="OfficialCrossmodalJailbreakingSource"/> (subsets <c>text</c>, <c>unrelated</c>, <c>pos</c>,
/// <c>neg</c>; every row, without the reference's ten-sample truncation); the chain of <see cref="JailbreakVerdicts"/>;
/// score = 100 · mean over the subsets of (1 − ASR, RtA).
/// </summary>
public static class CrossmodalJailbreaking
{
    public const string TaskId = "s6-crossmodal-jailbreaking";

    public static TaskDefinition Definition { get; } = new(TaskTable.Info(TaskId), new TaskGenerationSettings(512))
    {
        Synthetic = CrossmodalJailbreakingSynthetic.Binding,
        Official = new SuiteBinding(new OfficialCrossmodalJailbreakingSource(), JailbreakVerdicts.Steps, JailbreakVerdicts.Metrics, TaskFormulas.For(TaskId))
        {
            Coverage = "crossmodal-jailbreak/text_jailbreak.csv: text, unrelated (3 × colour, nature, noise), every jailbreak_pos/ and jailbreak_neg/ image; no 10-sample truncation; HarmBench ASR and RtA",
        },
    };
}
