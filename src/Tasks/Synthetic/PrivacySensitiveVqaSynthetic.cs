using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Privacy.Documents;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Synthetic;

/// <summary>
/// Synthetic P.2: <see cref="PrivacySensitiveVqaGenerator"/> questions about fake documents whose answer is (yes) or is
/// not (no) private content, subset <c>vispr</c>; judge <c>yesno</c>; accuracy, precision, recall and F1 with "yes" as
/// the positive class; score = 100 · pooled accuracy, the protocol formula.
/// </summary>
public static class PrivacySensitiveVqaSynthetic
{
    public const string TaskId = "p2-vqa-recognition-vispr";

    public static SuiteBinding Binding { get; } = new(
        new SyntheticSource(task => new PrivacySensitiveVqaGenerator(task)),
        [new RuleVerdict("yesno")],
        SyntheticYesNoMetrics.All,
        TaskFormulas.ForSynthetic(TaskId))
    {
        Coverage = "seeded questions about fake ID cards, bank cards, letters, notices and scene photos, answer private or not; not comparable to the paper",
    };
}
