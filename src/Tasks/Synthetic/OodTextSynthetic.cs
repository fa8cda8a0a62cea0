using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Robustness;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Synthetic;

/// <summary>
/// R.3's synthetic binding: <see cref="OodSentimentGenerator"/> sentences in five OOD styles with exact labels, in the
/// protocol's five variants (<c>text</c>, <c>related-image</c>, <c>unrelated-color</c>, <c>-nature</c>, <c>-noise</c>);
/// the validated <c>sentiment</c> judge; <c>accuracy</c>; the protocol formula (text + related + mean of unrelated) / 3.
/// </summary>
public static class OodTextSynthetic
{
    private const string TaskId = "r3-ood-text";

    /// <summary>The binding.</summary>
    public static SuiteBinding Binding { get; } = new(
        new SyntheticSource(CreateGenerator),
        [new RuleVerdict("sentiment")],
        [new MetricDefinition("accuracy", "sentiment", HigherIsBetter: true)],
        TaskFormulas.ForSynthetic(TaskId))
    {
        Coverage = "review sentences written in 5 OOD styles (augment = typos, bible, romantic, shake, tweet) with exact labels; "
            + "text, the sentence as typography (for the SDXL image), seeded colour/nature/noise images; not comparable to the paper",
    };

    /// <summary>The generator the binding's source uses.</summary>
    public static IIndexedSampleGenerator CreateGenerator(TaskInfo task) => new OodSentimentGenerator(task, SyntheticPerturbationKit.Default);
}
