using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Robustness.OodArtistic;

/// <summary>
/// R.1 Image Captioning for Artistic Style Images (<c>max_new_tokens: 300</c>).
/// Official: <see cref="OfficialOodArtisticSource"/> (COCO-O, 6 styles). The GPT judge asks whether the description
/// states that there is any '{object}' (template <c>protocol-r1-caption</c>, object = <c>Target.Expected</c>); the
/// reference's yes/no extraction reads its answer; <c>accuracy</c> = the yes rate. Score = 100 · mean over the styles.
/// </summary>
public static class OodArtistic
{
    public const string TaskId = "r1-ood-artistic";

    public static TaskDefinition Definition { get; } = new(TaskTable.Info(TaskId), new TaskGenerationSettings(300))
    {
        Official = new SuiteBinding(
            new OfficialOodArtisticSource(),
            [
                new ModelVerdict("caption", "gpt-judge", "protocol-r1-caption"),
                new ReadVerdict("correct", "yes-protocol", "caption"),
            ],
            [new MetricDefinition("accuracy", "correct", HigherIsBetter: true)],
            TaskFormulas.For(TaskId))
        {
            Coverage = "release COCO-O captions in 6 styles; GPT judge (judge_models.gpt-judge) → yes/no; accuracy",
        },
    };
}
