using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Safety.MultimodalJailbreaking;

/// <summary>
/// S.5 Optimized Multimodal Jailbreaking (<c>max_new_tokens: 512</c>, the shared S.4–S.6 task YAML).
/// Official: <see cref="OfficialMultimodalJailbreakingSource"/> (subsets <c>optimized-jailbreak-graphic</c>,
/// <c>mm-safety-bench</c>, <c>safebench</c>); the chain of <see cref="JailbreakVerdicts"/>; score = 100 · mean over the
/// subsets of (1 − ASR, RtA).
/// </summary>
public static class MultimodalJailbreaking
{
    public const string TaskId = "s5-multimodal-jailbreaking";

    public static TaskDefinition Definition { get; } = new(TaskTable.Info(TaskId), new TaskGenerationSettings(512))
    {
        Synthetic = MultimodalJailbreakingSynthetic.Binding,
        Official = new SuiteBinding(new OfficialMultimodalJailbreakingSource(), JailbreakVerdicts.Steps, JailbreakVerdicts.Metrics, TaskFormulas.For(TaskId))
        {
            Coverage = "typographic behavior_graph with the optimized-graphic prompt, MM-SafetyBench and SafeBench selections; HarmBench ASR and RtA",
        },
    };
}
