using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Truthfulness.AdvancedCognitiveInference;

/// <summary>
/// T.2 Advanced Cognitive Inference (<c>max_new_tokens: 100</c>).
/// Official: <see cref="OfficialAdvancedCognitiveInferenceSource"/>, nine yes/no subsets; the protocol's YN rule →
/// <c>accuracy</c> (with the validated <c>yesno</c> and their disagreement); score = 100 · mean of the four weighted
/// groups of <see cref="TaskFormulas"/>.
/// </summary>
public static class AdvancedCognitiveInference
{
    public const string TaskId = "t2-advanced";

    public static TaskDefinition Definition { get; } = new(TaskTable.Info(TaskId), new TaskGenerationSettings(100))
    {
        Synthetic = AdvancedCognitiveInferenceSynthetic.Binding,
        Official = new SuiteBinding(
            new OfficialAdvancedCognitiveInferenceSource(),
            TruthfulnessVerdicts.YesNo(),
            TruthfulnessVerdicts.YesNoMetrics(),
            TaskFormulas.For(TaskId))
        {
            Coverage = "release query_advanced (9 subsets: spatial … translate); YN accuracy",
        },
    };
}
