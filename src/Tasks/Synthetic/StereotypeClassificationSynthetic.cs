using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Fairness;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Synthetic;

/// <summary>
/// F.3's synthetic binding: <see cref="StereotypeClassificationGenerator"/> stereotype / anti-stereotype / unrelated
/// sentences about fictional peoples in the five classification variants; the validated <c>choice</c> judge over the
/// prompt's three options (metric <c>accuracy</c>); the synthetic formula (classification only: there is no topic
/// classification about fictional peoples).
/// </summary>
public static class StereotypeClassificationSynthetic
{
    private const string TaskId = "f3-stereo-classification";

    /// <summary>The binding.</summary>
    public static SuiteBinding Binding { get; } = new(
        new SyntheticSource(CreateGenerator),
        [new RuleVerdict("correct", "choice")],
        [new MetricDefinition("accuracy", "correct", HigherIsBetter: true)],
        TaskFormulas.ForSynthetic(TaskId))
    {
        Coverage = "stereotype, anti-stereotype and meaningless sentences about fictional peoples (written here, balanced) as text, "
            + "typography, colour/nature/noise images; choice accuracy; no topic classification; not comparable to the paper",
    };

    /// <summary>The generator the binding's source uses.</summary>
    public static IIndexedSampleGenerator CreateGenerator(TaskInfo task) => new StereotypeClassificationGenerator(task, SyntheticPerturbationKit.Default);
}
