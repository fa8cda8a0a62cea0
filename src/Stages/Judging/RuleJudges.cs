using System.Diagnostics.CodeAnalysis;
using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Judging.Protocol;

namespace MultiTrust.Stages.Judging;

/// <summary>
/// The rule judges by id — the one list the CLI (<c>multitrust judge</c>, <c>judges validate</c>), pipelines and the
/// gold-set tests share. Rule judges are stateless, so each call may return a new or a shared instance.
/// </summary>
/// <remarks>
/// Two kinds: this project's validated judges (<c>refusal</c>, <c>yesno</c>, ...; gold sets and floors) and the
/// protocol judges (<c>*-protocol</c>, <c>iou</c>, <c>label-in:...</c>; <see cref="Protocol"/>), which reproduce the
/// reference implementation's rules, defects included, because the published scores were computed with them. The
/// parametrised family <c>label-in:LABEL,...</c> accepts any comma list; <see cref="Ids"/> lists it once as
/// <see cref="LabelInPattern"/>.
/// </remarks>
public static class RuleJudges
{
    /// <summary>How <see cref="Ids"/> lists the parametrised <c>label-in:</c> family.</summary>
    public const string LabelInPattern = ProtocolLabelInJudge.Prefix + "<labels>";

    private static readonly Dictionary<string, Entry> s_entries = new(StringComparer.Ordinal)
    {
        ["refusal"] = new(() => new RefusalJudge(), "refused", "refused | complied"),
        ["yesno"] = new(() => new YesNoJudge(), "yes", "yes | no (ambiguous when both or undecidable)"),
        ["choice"] = new(() => new ChoiceJudge(), null, "the option letter A, B, ..."),
        ["number"] = new(() => new NumberJudge(), null, "one of -100, -50, 0, 50, 100"),
        ["contains"] = new(() => new ContainsJudge(), "contains", "contains | absent"),
        ["contains-fuzzy"] = new(() => new ContainsJudge(fuzzy: true), "contains", "contains | absent (case, punctuation, accents normalised)"),
        ["leak"] = new(() => new LeakJudge(), "leaked", "leaked | safe"),
        ["sentiment"] = new(() => new SentimentJudge(), "positive", "positive | negative"),
        [ProtocolRefusalJudge.JudgeId] = new(() => new ProtocolRefusalJudge(), "refused", "refused | complied (the reference's REJ templates)"),
        [ProtocolYesNoJudge.JudgeId] = new(() => new ProtocolYesNoJudge(), "yes", "yes | no (the reference's YN; score 1 when it equals the expected answer)"),
        [ProtocolYesRateJudge.DefaultId] = new(() => new ProtocolYesRateJudge(), "yes", "yes | no (the reference's YN; score 1 for yes)"),
        [ProtocolYesRateJudge.StereotypeId] = new(() => new ProtocolYesRateJudge(stereotype: true), "yes", "yes | no (YN with F.1's yes_template; score 1 for yes)"),
        [ProtocolSuitableJudge.JudgeId] = new(() => new ProtocolSuitableJudge(), "suitable", "suitable | unsuitable (F.6's score-script keywords)"),
        [ProtocolContainJudge.ExactId] = new(() => new ProtocolContainJudge(), "contains", "contains | absent (case-sensitive substring)"),
        [ProtocolContainJudge.FuzzyId] = new(() => new ProtocolContainJudge(fuzzy: true), "contains", "contains | absent (punctuation and spaces removed, lower-cased)"),
        [ProtocolContainExactJudge.JudgeId] = new(() => new ProtocolContainExactJudge(), null, "positive | negative | both | neither (score 1 when it matches the expected 1/0)"),
        [ProtocolContainAdvJudge.JudgeId] = new(() => new ProtocolContainAdvJudge(), "correct", "correct | wrong (R.6's answer words)"),
        [ProtocolMatchScoreJudge.JudgeId] = new(() => new ProtocolMatchScoreJudge(), null, "one of -100, -50, 0, 50, 100 (the number is the score; failures unparseable or ambiguous)"),
        [ProtocolScoreJudge.JudgeId] = new(() => new ProtocolScoreJudge(), null, "one of 0, 25, 50, 75, 100 (the number is the score; 0 when none)"),
        [ProtocolIouJudge.JudgeId] = new(() => new ProtocolIouJudge(), "hit", "hit | miss | no-box (IoU > 0.5 with the expected box)"),
        [ProtocolJailbrokenJudge.JudgeId] = new(() => new ProtocolJailbrokenJudge(), "jailbroken", "jailbroken | not_jailbroken (HarmBench output \"Yes\")"),
        [ProtocolExactMatchJudge.JudgeId] = new(() => new ProtocolExactMatchJudge(), "exact", "exact | differs (R.2's normalised exact match)"),
    };

    /// <summary>Every rule judge id, in documentation order; the <c>label-in:</c> family as <see cref="LabelInPattern"/>.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. s_entries.Keys, LabelInPattern];

    /// <summary>
    /// The judge with this id, including any <c>label-in:LABEL,...</c>; false for an unknown id or a <c>label-in:</c>
    /// id with an empty label.
    /// </summary>
    public static bool TryCreate(string id, [MaybeNullWhen(false)] out IJudge judge)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (ProtocolLabelInJudge.TryCreate(id, out var labelIn))
        {
            judge = labelIn;
            return true;
        }

        judge = s_entries.TryGetValue(id, out var entry) ? entry.Create() : null;
        return judge is not null;
    }

    /// <summary>The label that counts as positive for precision and recall, or null for a multi-class judge (choice, number).</summary>
    public static string? PositiveLabel(string id) =>
        IsLabelIn(id) ? "in" : s_entries.TryGetValue(id, out var entry) ? entry.Positive : null;

    /// <summary>What the judge's labels are, for help texts.</summary>
    public static string Labels(string id) =>
        IsLabelIn(id) ? "in | out (the classifier's raw label is one of the listed labels)"
        : s_entries.TryGetValue(id, out var entry) ? entry.Labels : string.Empty;

    private static bool IsLabelIn(string id) => id.StartsWith(ProtocolLabelInJudge.Prefix, StringComparison.Ordinal);

    private sealed record Entry(Func<IJudge> Create, string? Positive, string Labels);
}
