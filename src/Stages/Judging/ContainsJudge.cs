using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging;

/// <summary>
/// Rule judge <c>contains</c>: does the response contain one of the accepted strings? The accepted strings are
/// <c>sample.Target.Expected</c> (one string) and the JSON array in <c>sample.Metadata["accept"]</c>; each is compared as
/// a whole string, never character by character. Label <c>contains</c> (score 1) or <c>absent</c> (score 0).
/// Thread-safe and stateless; never throws for a bad response.
/// </summary>
/// <remarks>
/// <para>Modes, fixed at construction (the id is <c>contains</c> in both; the version differs):</para>
/// <list type="bullet">
/// <item><b>Exact</b> (<see cref="RuleVersion"/>): case-insensitive substring on word boundaries (a letter or digit at
/// the edge of the accepted string must not touch another letter or digit in the response: "cat" is not in
/// "concatenate"; scripts written without spaces, such as Chinese, have no word boundaries: "北京" is in "这是北京。"),
/// after collapsing every run of whitespace to one space on both sides.</item>
/// <item><b>Fuzzy</b> (<see cref="FuzzyRuleVersion"/>): both sides are folded (lower case, common Latin accents removed,
/// every character that is not a letter or digit becomes a space, spaces collapsed); the accepted string matches when
/// its folded tokens occur as a contiguous run of whole tokens of the response ("São-Paulo!" matches "sao paulo", "New
/// York" does not match "New Yorker"), or when, with the spaces removed on both sides, it equals a run of whole tokens
/// ("555-0137" matches "5550137", "U.S.A." matches "USA", "KX4419" matches "KX 4419").</item>
/// </list>
/// <para>Blank accepted strings (or ones that fold to nothing) are ignored. A sample without accepted strings, or with
/// a malformed <c>accept</c> field, gets a <see cref="JudgmentStatus.Skipped"/> verdict with the reason (not a silent
/// "absent"). A response without text is <c>absent</c>. Responses are judged on their first
/// <see cref="JudgeText.MaxJudgedChars"/> characters. <c>Raw</c> names the accepted string that matched by index.</para>
/// </remarks>
public sealed class ContainsJudge : IJudge
{
    /// <summary>Version of the exact rules; bump on any rule change.</summary>
    public const string RuleVersion = "contains-rules/2";

    /// <summary>Version of the fuzzy rules; bump on any rule change.</summary>
    public const string FuzzyRuleVersion = "contains-fuzzy-rules/2";

    /// <summary>The metadata key holding extra accepted strings as a JSON array.</summary>
    public const string AcceptKey = "accept";

    /// <summary>Creates the judge; <paramref name="fuzzy"/> selects the fuzzy comparison.</summary>
    public ContainsJudge(bool fuzzy = false) => Fuzzy = fuzzy;

    /// <summary>True for the fuzzy comparison, false for the exact one.</summary>
    public bool Fuzzy { get; }

    /// <inheritdoc/>
    public string Id => "contains";

    /// <inheritdoc/>
    public string Version => Fuzzy ? FuzzyRuleVersion : RuleVersion;

    /// <inheritdoc/>
    public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(response);
        var accepted = JudgeMetadata.ReadStringArray(sample.Metadata, AcceptKey, out var error);
        return ValueTask.FromResult(error is not null
            ? JudgeVerdict.Skipped(error)
            : Judge(response.Text, [.. new[] { sample.Target.Expected }.Concat(accepted).OfType<string>()]));
    }

    /// <summary>The verdict for a response text against the accepted strings.</summary>
    public JudgeVerdict Judge(string? text, IReadOnlyList<string> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var needles = accepted
            .Select((value, index) => (Index: index, Value: Fuzzy ? FoldedText.Fold(value ?? string.Empty) : JudgeText.CollapseWhitespace(value ?? string.Empty)))
            .Where(n => n.Value.Length > 0)
            .ToList();
        if (needles.Count == 0)
        {
            return JudgeVerdict.Skipped($"sample has no accepted strings (target or metadata '{AcceptKey}')");
        }

        if (string.IsNullOrEmpty(text))
        {
            return new JudgeVerdict("absent", 0, JudgmentStatus.Ok, "response has no text");
        }

        var head = JudgeText.Head(text);
        var haystack = Fuzzy ? FoldedText.Fold(head) : JudgeText.CollapseWhitespace(head);
        foreach (var (index, value) in needles)
        {
            if (Fuzzy ? FoldedText.ContainsTokens(haystack, value) || FoldedText.ContainsJoined(haystack, value) : ContainsWord(haystack, value))
            {
                return new JudgeVerdict("contains", 1, JudgmentStatus.Ok, $"accepted string #{index} found");
            }
        }

        return new JudgeVerdict("absent", 0, JudgmentStatus.Ok, $"none of {needles.Count} accepted strings found");
    }

    private static bool ContainsWord(string text, string value)
    {
        for (var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + value.Length;
            if ((at == 0 || !JudgeText.JoinsWord(value[0], text[at - 1]))
                && (end == text.Length || !JudgeText.JoinsWord(value[^1], text[end])))
            {
                return true;
            }
        }

        return false;
    }
}
