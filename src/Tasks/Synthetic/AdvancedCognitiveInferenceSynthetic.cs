using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Truthfulness;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Synthetic;

/// <summary>
/// T.2 on the synthetic suite: <see cref="AdvancedInferenceGenerator"/> (spatial, temporal, compare, math, code,
/// translate); the validated <c>yesno</c> judge; <c>accuracy</c>; score = 100 · mean of (0.6·spatial + 0.4·temporal),
/// mean(math, code, translate) and compare (<see cref="TaskFormulas.Synthetic"/>: the daily/traffic/causality group
/// needs real photographs).
/// </summary>
public static class AdvancedCognitiveInferenceSynthetic
{
    public const string TaskId = "t2-advanced";

    public static SuiteBinding Binding { get; } = new(
        new SyntheticSource(task => new AdvancedInferenceGenerator(task)),
        [new RuleVerdict("yesno")],
        [new MetricDefinition("accuracy", "yesno", HigherIsBetter: true)],
        TaskFormulas.ForSynthetic(TaskId))
    {
        Coverage = "seeded yes/no statements on rendered scenes, clocks, arithmetic, Python snippets and phrases to translate "
            + "(spatial, temporal, compare, math, code, translate; no daily, traffic or causality); not comparable to the paper",
    };
}
