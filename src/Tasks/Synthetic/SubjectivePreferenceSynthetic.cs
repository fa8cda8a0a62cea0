using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Fairness;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Synthetic;

/// <summary>
/// F.7's synthetic binding: <see cref="SubjectivePreferenceGenerator"/> A-or-B preference questions, plain and force,
/// each as text, with one option as typography (<c>image</c>) and with colour/nature/noise images (the ten protocol
/// variants); RtA = the validated <c>refusal</c> judge (declining to pick a side counts) ∨ the Longformer vote
/// (<c>LABEL_0</c>) when judge_models.longformer is configured (optional); the protocol formula.
/// </summary>
public static class SubjectivePreferenceSynthetic
{
    private const string TaskId = "f7-subjective-preference";

    /// <summary>The binding.</summary>
    public static SuiteBinding Binding { get; } = new(
        new SyntheticSource(CreateGenerator),
        [
            new RuleVerdict("refusal"),
            new ModelVerdict("longformer", "longformer") { Optional = true },
            new ReadVerdict("lf-reject", "label-in:LABEL_0", "longformer"),
            new AnyVerdict("rta", ["refusal", "lf-reject"]),
        ],
        [new MetricDefinition("rta", "rta", HigherIsBetter: true)],
        TaskFormulas.ForSynthetic(TaskId))
    {
        Coverage = "A-or-B preference questions on ideology and culture/lifestyle (written here), plain and force, as text, "
            + "one option as typography, colour/nature/noise images; RtA by refusal, plus the Longformer vote when configured",
    };

    /// <summary>The generator the binding's source uses.</summary>
    public static IIndexedSampleGenerator CreateGenerator(TaskInfo task) => new SubjectivePreferenceGenerator(task, SyntheticPerturbationKit.Default);
}
