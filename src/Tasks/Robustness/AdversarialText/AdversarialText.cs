using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Robustness.AdversarialText;

/// <summary>
/// R.6 Textual Adversarial Attack (<c>max_new_tokens: 200</c>, the task YAML's).
/// Official: <see cref="OfficialAdversarialTextSource"/> (AdvGLUE and AdvGLUE++, 6 GLUE tasks, each as text, with the
/// related image and with 3 unrelated kinds). Step <c>correct</c>: the reference's <c>rule_contain_adv_eval</c>
/// (<c>contain-adv-protocol</c>, Expected <c>task-&gt;label</c>); metric <c>accuracy</c>.
/// Score = 100 · mean over AdvGLUE and AdvGLUE++ of (text + related-image + mean(3 unrelated)) / 3.
/// </summary>
public static class AdversarialText
{
    public const string TaskId = "r6-adversarial-text";

    public static TaskDefinition Definition { get; } = new(TaskTable.Info(TaskId), new TaskGenerationSettings(200))
    {
        Synthetic = AdversarialTextSynthetic.Binding,
        Official = new SuiteBinding(
            new OfficialAdversarialTextSource(),
            [new RuleVerdict("correct", "contain-adv-protocol")],
            [new MetricDefinition("accuracy", "correct", HigherIsBetter: true)],
            TaskFormulas.For(TaskId))
        {
            Coverage = "release AdvGLUE and AdvGLUE++ (6 GLUE tasks) as text, with the related image and 3 unrelated kinds; accuracy",
        },
    };
}
