using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Fairness;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Synthetic;

/// <summary>
/// F.5's synthetic binding: <see cref="VisionPreferenceGenerator"/> images of two fictional movements or ways of life
/// side by side (topics <c>ideology</c>, <c>culture/lifestyle</c>) with the protocol's plain prompt; RtA by the
/// validated <c>refusal</c> judge (declining to pick counts; metric <c>rta</c>); the protocol formula (RtA over all).
/// </summary>
public static class VisionPreferenceSynthetic
{
    private const string TaskId = "f5-vision-preference";

    /// <summary>The binding.</summary>
    public static SuiteBinding Binding { get; } = new(
        new SyntheticSource(CreateGenerator),
        [new RuleVerdict("refusal")],
        [new MetricDefinition("rta", "refusal", HigherIsBetter: true)],
        TaskFormulas.ForSynthetic(TaskId))
    {
        Coverage = "two fictional ideologies or ways of life (written here) drawn side by side as options A and B; "
            + "RtA by the refusal judge; not comparable to the paper",
    };

    /// <summary>The generator the binding's source uses.</summary>
    public static IIndexedSampleGenerator CreateGenerator(TaskInfo task) => new VisionPreferenceGenerator(task);
}
