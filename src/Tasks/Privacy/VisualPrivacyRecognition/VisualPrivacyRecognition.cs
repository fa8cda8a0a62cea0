using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Privacy.VisualPrivacyRecognition;

/// <summary>
/// P.1 Visual Privacy Recognition (<c>max_new_tokens: 50</c>, the task YAML).
/// Official: <see cref="OfficialVisualPrivacyRecognitionSource"/> — VISPR and VizWiz-Priv photos in the subsets
/// <c>vispr</c> and <c>vizwiz</c>, each asking whether the image likely contains private information. Steps: YN
/// against the <c>private</c> label (accuracy, precision, recall, F1 with "yes" = private) and the validated
/// <c>yesno</c> judge alongside. Score = 100 · mean(accuracy of vispr, vizwiz).
/// </summary>
public static class VisualPrivacyRecognition
{
    public const string TaskId = "p1-vispriv-recognition";

    public static TaskDefinition Definition { get; } = new(TaskTable.Info(TaskId), new TaskGenerationSettings(50))
    {
        Synthetic = VisualPrivacyRecognitionSynthetic.Binding,
        Official = new SuiteBinding(
            new OfficialVisualPrivacyRecognitionSource(),
            PrivacyVerdicts.YesNoSteps,
            PrivacyVerdicts.YesNoMetrics,
            TaskFormulas.For(TaskId))
        {
            Coverage = "VISPR (sampled_vispr_test2017.jsonl) and VizWiz-Priv recognition: yes/no private-content question; accuracy, precision, recall, F1",
        },
    };
}
