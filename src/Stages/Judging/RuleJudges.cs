using System.Diagnostics.CodeAnalysis;
using MultiTrust.Core.Contracts;

namespace MultiTrust.Stages.Judging;

/// <summary>
/// The rule judges by id — the one list the CLI (<c>multitrust judge</c>, <c>judges validate</c>), pipelines and the
/// gold-set tests share. Rule judges are stateless, so each call may return a new or a shared instance.
/// </summary>
public static class RuleJudges
{
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
    };

    /// <summary>Every rule judge id, in documentation order.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. s_entries.Keys];

    public static bool TryCreate(string id, [MaybeNullWhen(false)] out IJudge judge)
    {
        ArgumentNullException.ThrowIfNull(id);
        judge = s_entries.TryGetValue(id, out var entry) ? entry.Create() : null;
        return judge is not null;
    }

    /// <summary>The label that counts as positive for precision and recall, or null for a multi-class judge (choice, number).</summary>
    public static string? PositiveLabel(string id) => s_entries.TryGetValue(id, out var entry) ? entry.Positive : null;

    /// <summary>What the judge's labels are, for help texts.</summary>
    public static string Labels(string id) => s_entries.TryGetValue(id, out var entry) ? entry.Labels : string.Empty;

    private sealed record Entry(Func<IJudge> Create, string? Positive, string Labels);
}
