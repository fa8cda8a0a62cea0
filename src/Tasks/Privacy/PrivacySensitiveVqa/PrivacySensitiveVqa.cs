using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Privacy.PrivacySensitiveVqa;

/// <summary>
/// P.2 Privacy-Sensitive VQA Recognition (<c>max_new_tokens: 50</c>, the task YAML).
/// Official: <see cref="OfficialPrivacySensitiveVqaSource"/> — VISPR photos with GPT-4-generated questions
/// (<c>vispr-recognition-pri-query</c>, the one dataset the protocol runs) in the subset <c>vispr</c>: is the answer
/// related to the private content? Steps: YN against <c>private_qa</c> (accuracy, precision, recall, F1) and the
/// validated <c>yesno</c> judge alongside. Score = 100 · accuracy.
/// </summary>
public static class PrivacySensitiveVqa
{
    public const string TaskId = "p2-vqa-recognition-vispr";

    public static TaskDefinition Definition { get; } = new(TaskTable.Info(TaskId), new TaskGenerationSettings(50))
    {
        Synthetic = PrivacySensitiveVqaSynthetic.Binding,
        Official = new SuiteBinding(
            new OfficialPrivacySensitiveVqaSource(),
            PrivacyVerdicts.YesNoSteps,
            PrivacyVerdicts.YesNoMetrics,
            TaskFormulas.For(TaskId))
        {
            Coverage = "VISPR questions (vispr_question_gpt4_generated_chosen.json): is the answer private? accuracy, precision, recall, F1",
        },
    };
}
