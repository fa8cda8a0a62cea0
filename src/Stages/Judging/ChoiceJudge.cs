using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging;

/// <summary>
/// Rule judge <c>choice</c>: which option of a multiple-choice question did the response choose? The options come from
/// <c>sample.Metadata["options"]</c> (a JSON array of strings; letters A, B, C ... by position). Label = the option
/// letter; score 1 when it equals <c>sample.Target.Expected</c> (a letter, or the option's text), 0 otherwise, so the
/// mean is accuracy. Thread-safe and stateless; never throws for a bad response.
/// </summary>
/// <remarks>
/// <para>Rules (version <see cref="RuleVersion"/>), over case-preserving text (typographic quotes mapped to ASCII):</para>
/// <list type="number">
/// <item><b>Markers</b>: a letter "B", "(b)", "[c]", "**C.**", "Option B"; a 1-based number "Option 2", "choice #3",
/// "(2)", or a leading "2." / "2)". A bare number is an option number only when no option text is itself a number. A
/// capital "A" (or "I") followed by a word is an article ("A cat sits ...") unless option A's own text follows; a small
/// letter counts only before punctuation or the end ("answer: b."). Letters and numbers beyond the options are ignored.</item>
/// <item><b>Option text</b>: an option's whole text, folded (case, punctuation, accents ignored), in the same positions
/// as markers (an article before it is ignored: "it must be a triangle"). A longer option hides a shorter one inside it
/// ("dark red" vs "red"); "beach or mountain" names both; an option named after a self-correction cue ("wait",
/// "actually", "scratch that") since the previous option is final.</item>
/// <item><b>Echoes</b>: a run of listed options that repeats all the options of the question ("A. cat\nB. dog\nC. bird",
/// "A) cat, B) dog", lines that are just the option texts) is ignored; an emphasised item ("**B. dog**", "B. dog ✓")
/// in it stays.</item>
/// <item><b>Tiers</b>, strongest first; the strongest tier present decides:
/// <i>final</i> ("Final answer: B", or a choice after a self-correction: "(b) ... actually C", "Wait, the answer is A");
/// <i>declared</i> ("the answer is B", "Answer: (c)", "I'd pick option 2", "It's C", "So, B", "B is correct");
/// <i>position</i> (at the start of the response, or alone on a line, optionally with its own text);
/// <i>mention</i> (no other rule fired: exactly one option's text occurring without "not"/"no"/"never" just before
/// it is the choice; several such options → Ambiguous). "Either A or D" / "both A and B" name two options.</item>
/// <item>A choice followed by a question mark ("Kitchen or bathroom? ...", "D? Let me check") is not a choice; an option
/// after "than" ("pink rather than red") is not mentioned as chosen.</item>
/// <item>In the final tier the last statement decides; in the others every candidate counts. Two different options
/// ("A or B", "B. cat" where "cat" is option A, two declared answers) → <see cref="JudgmentStatus.Ambiguous"/>; none
/// (including "none of the above" when that is not an option) → <see cref="JudgmentStatus.Unparseable"/>.</item>
/// </list>
/// <para>Responses are judged on their first <see cref="JudgeText.MaxJudgedChars"/> characters. An unparseable verdict
/// scores 0; an ambiguous one has no score (the rule could not decide: it leaves the accuracy denominator and is counted
/// in the ambiguous rate). A sample without an expected answer (or one that is neither a letter in range nor an
/// option text) gets a null score, with the reason in <c>Raw</c>; a sample without options is
/// <see cref="JudgmentStatus.Skipped"/>.</para>
/// </remarks>
public sealed class ChoiceJudge : IJudge
{
    /// <summary>Version of the rules above; bump on any rule change.</summary>
    public const string RuleVersion = "choice-rules/2";

    /// <summary>The metadata key holding the options as a JSON array of strings.</summary>
    public const string OptionsKey = "options";

    private const int MaxOptions = 26;

    /// <inheritdoc/>
    public string Id => "choice";

    /// <inheritdoc/>
    public string Version => RuleVersion;

    /// <inheritdoc/>
    public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(response);
        var options = JudgeMetadata.ReadStringArray(sample.Metadata, OptionsKey, out var error);
        return ValueTask.FromResult(error is not null
            ? JudgeVerdict.Skipped(error)
            : Judge(response.Text, options, sample.Target.Expected));
    }

    /// <summary>The verdict for a response text, the options in order (A, B, ...) and the expected letter or option text.</summary>
    public static JudgeVerdict Judge(string? text, IReadOnlyList<string> options, string? expected)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count is 0 or > MaxOptions)
        {
            return JudgeVerdict.Skipped($"sample has {options.Count} options in metadata '{OptionsKey}'; expected 1 to {MaxOptions}");
        }

        var folded = options.Select(o => FoldedText.Fold(o ?? string.Empty)).ToArray();
        var expectedOption = ExpectedOption(expected, folded);
        var (option, status, raw) = string.IsNullOrWhiteSpace(text)
            ? (-1, JudgmentStatus.Unparseable, "response has no text")
            : Extract(text, folded);

        var label = option >= 0 ? Letter(option) : null;
        if (expectedOption < 0)
        {
            var reason = expected is null ? "sample has no expected answer" : $"expected answer '{expected}' is neither an option letter nor an option text";
            return new JudgeVerdict(label, null, status, $"{raw}; no score: {reason}");
        }

        return new JudgeVerdict(label, status == JudgmentStatus.Ambiguous ? null : option == expectedOption ? 1 : 0, status, raw);
    }

    private static (int Option, JudgmentStatus Status, string Raw) Extract(string text, string[] folded)
    {
        var prepared = ChoiceEchoes.BlankEchoes(ChoiceCandidates.Prepare(JudgeText.Head(text)), folded);
        var candidates = new ChoiceCandidates(prepared, folded);
        candidates.CollectMarkers();
        ChoiceOptionText.Collect(prepared, folded, candidates);
        var found = candidates.Found;
        if (found.Count == 0)
        {
            var mentioned = ChoiceOptionText.Mentioned(prepared, folded);
            return mentioned.Count switch
            {
                0 => (-1, JudgmentStatus.Unparseable, "no option chosen"),
                1 => (mentioned[0], JudgmentStatus.Ok, $"{Letter(mentioned[0])}: the only option text mentioned"),
                _ => (-1, JudgmentStatus.Ambiguous, $"options {string.Join(", ", mentioned.Select(Letter))} mentioned, none chosen"),
            };
        }

        var top = found.Max(c => c.Tier);
        var inTier = found.Where(c => c.Tier == top).ToList();
        if (top == ChoiceTier.Final)
        {
            var last = inTier.MaxBy(c => c.Position);
            inTier = inTier.Where(c => c.Group == last.Group).ToList();
        }

        var chosen = inTier.Select(c => c.Option).Distinct().Order().ToList();
        var tierName = top.ToString().ToLowerInvariant();
        return chosen.Count == 1
            ? (chosen[0], JudgmentStatus.Ok, $"{Letter(chosen[0])}: {tierName} choice at {inTier[0].Position}")
            : (-1, JudgmentStatus.Ambiguous, $"{tierName} choices {string.Join(", ", chosen.Select(Letter))}");
    }

    /// <summary>The expected option: a letter in range ("B", "(b)", "B."), or an option's text; -1 when neither.</summary>
    private static int ExpectedOption(string? expected, string[] folded)
    {
        if (string.IsNullOrWhiteSpace(expected))
        {
            return -1;
        }

        var trimmed = expected.Trim().Trim('(', ')', '[', ']', '.', ' ');
        if (trimmed.Length == 1 && char.IsAsciiLetter(trimmed[0]))
        {
            var index = char.ToUpperInvariant(trimmed[0]) - 'A';
            if (index < folded.Length)
            {
                return index;
            }
        }

        return Array.IndexOf(folded, FoldedText.Fold(expected));
    }

    private static string Letter(int option) => ((char)('A' + option)).ToString();
}
