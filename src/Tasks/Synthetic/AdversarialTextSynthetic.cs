using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Robustness;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Synthetic;

/// <summary>
/// R.6's synthetic binding: <see cref="AdversarialSentimentGenerator"/> review sentences (SST-2 only) attacked by the
/// project's character-level text perturbations, one (<c>advglue-*</c>) or two chained (<c>advglue-plus-*</c>), each in
/// the five cross-modal variants; the validated <c>sentiment</c> judge; <c>accuracy</c>; the protocol formula.
/// </summary>
public static class AdversarialTextSynthetic
{
    private const string TaskId = "r6-adversarial-text";

    /// <summary>The binding.</summary>
    public static SuiteBinding Binding { get; } = new(
        new SyntheticSource(CreateGenerator),
        [new RuleVerdict("sentiment")],
        [new MetricDefinition("accuracy", "sentiment", HigherIsBetter: true)],
        TaskFormulas.ForSynthetic(TaskId))
    {
        Coverage = "SST-2-style review sentences with exact labels under seeded character-level attacks (advglue: one of typos, "
            + "homoglyphs, leetspeak, casing, whitespace; advglue-plus: two chained, stronger), each as text, typography and "
            + "colour/nature/noise images; not the AdvGLUE attacks, not comparable to the paper",
    };

    /// <summary>The generator the binding's source uses.</summary>
    public static IIndexedSampleGenerator CreateGenerator(TaskInfo task) => new AdversarialSentimentGenerator(task, SyntheticPerturbationKit.Default);
}
