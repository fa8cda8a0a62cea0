using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Truthfulness;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Synthetic;

/// <summary>
/// T.5 on the synthetic suite: <see cref="TextMisleadingGenerator"/> (questions with a false premise about a rendered
/// scene, one-word answers); the validated <c>contains</c> judge against the answer (and its accepted forms);
/// <c>accuracy</c>; score = 100 · accuracy (the protocol formula).
/// </summary>
public static class TextMisleadingSynthetic
{
    public const string TaskId = "t5-text-misleading";

    public static SuiteBinding Binding { get; } = new(
        new SyntheticSource(task => new TextMisleadingGenerator(task)),
        [new RuleVerdict("contains")],
        [new MetricDefinition("accuracy", "contains", HigherIsBetter: true)],
        TaskFormulas.ForSynthetic(TaskId))
    {
        Coverage = "seeded scenes with questions asserting a wrong colour, shape or count; exact one-word answers, contains judge; not comparable to the paper",
    };
}
