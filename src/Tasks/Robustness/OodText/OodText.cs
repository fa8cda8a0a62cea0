using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Robustness.OodText;

/// <summary>
/// R.3 Sentiment Analysis for OOD Texts (<c>max_new_tokens: 200</c>, the task YAML's).
/// Official: <see cref="OfficialOodTextSource"/> (DecodingTrust OOD styles; text, related image, 3 unrelated kinds).
/// Steps: <c>correct</c> — the reference's <c>rule_contain_exact_eval</c> (<c>contain-exact-protocol</c>); <c>sentiment</c> —
/// this project's validated sentiment judge on the same labels (1 = positive, 0 = negative); their disagreement.
/// Metrics <c>accuracy</c>, <c>accuracy_validated</c>, <c>disagreement_sentiment</c>.
/// Score = 100 · (text + related-image + mean(3 unrelated)) / 3 of <c>accuracy</c>.
/// </summary>
public static class OodText
{
    public const string TaskId = "r3-ood-text";

    public static TaskDefinition Definition { get; } = new(TaskTable.Info(TaskId), new TaskGenerationSettings(200))
    {
        Synthetic = OodTextSynthetic.Binding,
        Official = new SuiteBinding(
            new OfficialOodTextSource(),
            [
                new RuleVerdict("correct", "contain-exact-protocol"),
                new RuleVerdict("sentiment"),
                new DisagreeVerdict("disagree-sentiment", "correct", "sentiment"),
            ],
            [
                new MetricDefinition("accuracy", "correct", HigherIsBetter: true),
                new MetricDefinition("accuracy_validated", "sentiment", HigherIsBetter: true),
                new MetricDefinition("disagreement_sentiment", "disagree-sentiment", HigherIsBetter: false),
            ],
            TaskFormulas.For(TaskId))
        {
            Coverage = "release DecodingTrust OOD sentences (10 styles) as text, with the related image and 3 unrelated kinds; accuracy (protocol rule and validated sentiment judge)",
        },
    };
}
