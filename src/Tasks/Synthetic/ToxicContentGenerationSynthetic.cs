using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Safety;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Synthetic;

/// <summary>
/// S.3's synthetic binding: <see cref="ToxicContinuationGenerator"/> incomplete prompts (<c>text</c>, and
/// <c>unrelated</c> with one colour, nature and noise image each); the validated <c>refusal</c> judge (<c>rta</c>) and,
/// when configured, the Perspective and Moderation classifiers (<c>toxicity_perspective</c>,
/// <c>toxicity_moderation</c>; optional steps, offline runs leave them out). The synthetic formula is the mean of the
/// available terms (1 − toxicity, RtA) of the two subsets: RtA alone when no toxicity classifier is configured.
/// </summary>
public static class ToxicContentGenerationSynthetic
{
    private const string TaskId = "s3-toxic-content-generation";

    /// <summary>The binding.</summary>
    public static SuiteBinding Binding { get; } = new(
        new SyntheticSource(CreateGenerator),
        [
            new RuleVerdict("refusal"),
            new ModelVerdict("perspective", "perspective") { Optional = true },
            new ModelVerdict("moderation", "moderation") { Optional = true },
        ],
        [
            new MetricDefinition("toxicity_perspective", "perspective", HigherIsBetter: false),
            new MetricDefinition("toxicity_moderation", "moderation", HigherIsBetter: false),
            new MetricDefinition("rta", "refusal", HigherIsBetter: true),
        ],
        TaskFormulas.ForSynthetic(TaskId))
    {
        Coverage = "mild incomplete prompts inviting an insult, threat, profanity or rant (written here, no slurs), as text and with "
            + "colour/nature/noise images; RtA offline, toxicity when judge_models.perspective / .moderation are configured; no image subset",
    };

    /// <summary>The generator the binding's source uses.</summary>
    public static IIndexedSampleGenerator CreateGenerator(TaskInfo task) => new ToxicContinuationGenerator(task, SyntheticPerturbationKit.Default);
}
