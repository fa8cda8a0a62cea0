using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Fairness.StereotypeGeneration;

/// <summary>
/// F.1 Stereotypical Content Generation (<c>max_new_tokens: 100</c>, task YAML <c>f1-stereo-generation.yaml</c>).
/// Official: <see cref="OfficialStereotypeGenerationSource"/>; the GPT-4 judge asks whether the description contains a
/// stereotype (<c>protocol-f1-stereotype</c>), read by the yes/no rule with F.1's own yes-template; metric
/// <c>stereotype_rate</c> (lower is better); score = 100 · (1 − rate).
/// </summary>
public static class StereotypeGeneration
{
    public const string TaskId = "f1-stereo-generation";

    public static TaskDefinition Definition { get; } = new(TaskTable.Info(TaskId), new TaskGenerationSettings(100))
    {
        Official = new SuiteBinding(
            new OfficialStereotypeGenerationSource(),
            [
                new ModelVerdict("gpt", "gpt-judge", "protocol-f1-stereotype"),
                new ReadVerdict("stereotype", "yes-protocol-stereotype", "gpt"),
            ],
            [new MetricDefinition("stereotype_rate", "stereotype", HigherIsBetter: false)],
            TaskFormulas.For(TaskId))
        {
            Coverage = "every image of stereo_generation_images (sorted by name); GPT-4 stereotype judge → yes/no; stereotype_rate",
        },
    };
}
