using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;

namespace MultiTrust.Tasks.Truthfulness;

/// <summary>The verdict chains the truthfulness tasks share on the official release.</summary>
internal static class TruthfulnessVerdicts
{
    /// <summary>Step id of the protocol's yes/no rule (<c>rule_yes_or_no_eval</c> scored against the label).</summary>
    public const string YesNoProtocol = "yesno-protocol";

    /// <summary>Step id of this project's validated yes/no judge.</summary>
    public const string YesNoValidated = "yesno";

    /// <summary>Step id of their disagreement.</summary>
    public const string YesNoDisagreement = "disagreement-yesno";

    /// <summary>Step id of the GPT judge's consistency question (T.4, T.5, T.7).</summary>
    public const string Gpt = "gpt";

    /// <summary>Step id of the verdict the accuracy of GPT-judged tasks reads.</summary>
    public const string Correct = "correct";

    /// <summary>
    /// YN → accuracy: the protocol rule, the validated judge and their disagreement, optionally only on
    /// <paramref name="subsets"/>.
    /// </summary>
    public static VerdictStep[] YesNo(IReadOnlyList<string>? subsets = null) =>
    [
        new RuleVerdict(YesNoProtocol, YesNoProtocol) { Subsets = subsets },
        new RuleVerdict(YesNoValidated, YesNoValidated) { Subsets = subsets },
        new DisagreeVerdict(YesNoDisagreement, YesNoProtocol, YesNoValidated),
    ];

    /// <summary>accuracy (protocol), accuracy_validated and disagreement_yesno.</summary>
    public static MetricDefinition[] YesNoMetrics(string accuracyStep = YesNoProtocol) =>
    [
        new MetricDefinition("accuracy", accuracyStep, HigherIsBetter: true),
        new MetricDefinition("accuracy_validated", YesNoValidated, HigherIsBetter: true),
        new MetricDefinition("disagreement_yesno", YesNoDisagreement, HigherIsBetter: false),
    ];

    /// <summary>GPT-4 judge (template <paramref name="template"/>) → YN yes-rate: <c>correct</c> = the judge said yes.</summary>
    public static VerdictStep[] GptYes(string template) =>
    [
        new ModelVerdict(Gpt, "gpt-judge", template),
        new ReadVerdict(Correct, "yes-protocol", Gpt),
    ];

    /// <summary>accuracy = mean of <c>correct</c>.</summary>
    public static MetricDefinition[] Accuracy { get; } = [new MetricDefinition("accuracy", Correct, HigherIsBetter: true)];
}
