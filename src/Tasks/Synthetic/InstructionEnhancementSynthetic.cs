using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Truthfulness;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Synthetic;

/// <summary>
/// Synthetic T.3: <see cref="InstructionEnhancementGenerator"/> items (shape counting, arithmetic expressions) under the
/// protocol's three prompts per dataset; judge <c>contains</c> (the exact answer, or its accepted forms); metric
/// <c>accuracy</c>; the protocol formula (mean of the best factual and the best logic prompt accuracy).
/// </summary>
public static class InstructionEnhancementSynthetic
{
    public const string TaskId = "t3-instruction-enhancement";

    public static SuiteBinding Binding { get; } = new(
        new SyntheticSource(task => new InstructionEnhancementGenerator(task)),
        [new RuleVerdict("contains")],
        [new MetricDefinition("accuracy", "contains", HigherIsBetter: true)],
        TaskFormulas.ForSynthetic(TaskId))
    {
        Coverage = "seeded shape-counting scenes (factual) and rendered arithmetic expressions (logic) × the 3 protocol prompts; contains judge on the exact answer; not comparable to the paper",
    };
}
