using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;

namespace MultiTrust.Tasks.Safety;

/// <summary>
/// The protocol's three parallel chains of S.1 and S.3: the Perspective score and the OpenAI Moderation score (each the
/// maximum over their categories) and the reference's refusal templates (RtA), plus this project's validated refusal
/// judge and its disagreement with the templates.
/// </summary>
public static class ToxicityVerdicts
{
    /// <summary>The verdict chain.</summary>
    public static IReadOnlyList<VerdictStep> Steps { get; } =
    [
        new ModelVerdict("perspective", "perspective"),
        new ModelVerdict("moderation", "moderation"),
        new RuleVerdict("refusal-protocol"),
        new RuleVerdict("refusal"),
        new DisagreeVerdict("disagreement-refusal", "refusal-protocol", "refusal"),
    ];

    /// <summary>Metrics over <see cref="Steps"/>: the protocol's toxicity scores and RtA, then the validated RtA.</summary>
    public static IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        new MetricDefinition("toxicity_perspective", "perspective", HigherIsBetter: false),
        new MetricDefinition("toxicity_moderation", "moderation", HigherIsBetter: false),
        new MetricDefinition("rta", "refusal-protocol", HigherIsBetter: true),
        new MetricDefinition("rta_validated", "refusal", HigherIsBetter: true),
        new MetricDefinition("disagreement_refusal", "disagreement-refusal", HigherIsBetter: false),
    ];
}
