using System.Text.RegularExpressions;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging;

/// <summary>
/// Rule judge <c>yesno</c>: extracts a yes/no answer. Label <c>yes</c> or <c>no</c>; score 1 when the label equals
/// <c>sample.Target.Expected</c> (case-insensitive, brackets ignored) and 0 otherwise, so the mean is accuracy.
/// Thread-safe and stateless; never throws for a bad response.
/// </summary>
/// <remarks>
/// <para>Rules (version <see cref="RuleVersion"/>), over lower-cased text with typographic quotes mapped to ASCII:</para>
/// <list type="number">
/// <item>Instruction echoes ("[Yes] or [No]", "yes/no", "yes or no") are removed first. A yes or no followed by "?"
/// ("Yes? No? It's too blurry to tell.") is a question, not an answer.</item>
/// <item>Decisive answers: a leading word ("Yes, ...", "No.", "**Answer:** No", "A: yes"; also yeah/yep/nope/nah), a
/// bracketed "[Yes]" / "(no)", "the answer is no" / "Answer: yes" / <c>{"answer": "no"}</c>, "I'd say no",
/// "it is yes", a yes/no clause of its own ("Based on the image, yes.", "So no.", "In short, yes.", "Sure, yes —",
/// "Wait — yes,"), "the answer is not yes" (no), or a leading stand-alone "Correct." / "Absolutely!" / "Consistent." /
/// "Affirmative" / "I think so." / "Seems so." / "It does," (yes) or "Not really" / "Absolutely not" / "Incorrect." /
/// "Probably not." / "I'm afraid not." / "Negative." / "I don't think so." / "I doubt it." / "It doesn't;" (no). A
/// leading yes or no in another language counts the same ("Sí,", "Oui.", "Nein,", "Não", "Да", "Нет", "是的，",
/// "没有", "はい、", "いいえ", "네", "아니요", ...). "No one", "No doubt", "No matter", "No idea", "Nothing",
/// "Yesterday", "eyes" ... are not answers.</item>
/// <item>Decisive yes and no together, a leading "yes and no", or a conditional pair ("yes if ..., no if ...") is
/// <see cref="JudgmentStatus.Ambiguous"/>. So is a self-correction ("No, wait, it is yes."): the response asserts
/// both answers, and the rule does not guess which one stands.</item>
/// <item>Without a decisive answer, agreement wording decides: "not consistent", "isn't correct", "incorrect",
/// "false" read as <c>no</c> and are removed before looking for "is correct", "consistent with", "I agree", which
/// read as <c>yes</c>. A negated agreement is never read as yes. Both kinds → Ambiguous.</item>
/// <item>Without either, an answer stated as a sentence (<see cref="YesNoStatements"/>): a first sentence denying
/// presence ("There is no dog in the picture.") is <c>no</c>; with the question (the sample's prompt), a first
/// sentence restating it ("The man is not wearing glasses.") is <c>no</c> when negated, else <c>yes</c>.</item>
/// <item>Nothing found → <see cref="JudgmentStatus.Unparseable"/> (no definite answer: a hedge, a refusal, a
/// description that does not answer).</item>
/// </list>
/// <para>Responses are judged on their first <see cref="JudgeText.MaxJudgedChars"/> characters. An unparseable verdict
/// scores 0 (no answer is a wrong answer). An ambiguous verdict has no score: it is left out of accuracy and counted
/// in the run's ambiguous rate. A sample without an expected yes/no answer gets a null score (excluded from accuracy),
/// with the reason in <c>Raw</c>.</para>
/// </remarks>
public sealed class YesNoJudge : IJudge
{
    /// <summary>Version of the rules above; bump on any rule change.</summary>
    public const string RuleVersion = "yesno-rules/3";

    /// <inheritdoc/>
    public string Id => "yesno";

    /// <inheritdoc/>
    public string Version => RuleVersion;

    /// <inheritdoc/>
    public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(response);
        return ValueTask.FromResult(Judge(response.Text, sample.Target.Expected, sample.Prompt));
    }

    /// <summary>The verdict for a response text against an expected <c>yes</c>/<c>no</c> (or null).</summary>
    public static JudgeVerdict Judge(string? text, string? expected) => Judge(text, expected, null);

    /// <summary>
    /// The verdict for a response text to <paramref name="prompt"/> (the question, null when unknown) against an expected
    /// <c>yes</c>/<c>no</c> (or null).
    /// </summary>
    public static JudgeVerdict Judge(string? text, string? expected, string? prompt)
    {
        var expectedLabel = NormalizeExpected(expected);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new JudgeVerdict(null, Score(null, JudgmentStatus.Unparseable, expectedLabel), JudgmentStatus.Unparseable, "response has no text");
        }

        var normalized = JudgeText.Normalize(JudgeText.Head(text));
        var extracted = Extract(normalized);
        if (extracted.Status == JudgmentStatus.Unparseable
            && YesNoStatements.Read(normalized, string.IsNullOrWhiteSpace(prompt) ? null : JudgeText.Normalize(JudgeText.Head(prompt))) is { } statement)
        {
            extracted = (statement.Label, JudgmentStatus.Ok, statement.Raw);
        }

        var raw = expectedLabel is null
            ? $"{extracted.Raw}; no score: expected answer '{expected}' is not yes/no"
            : extracted.Raw;
        return new JudgeVerdict(extracted.Label, Score(extracted.Label, extracted.Status, expectedLabel), extracted.Status, raw);
    }

    /// <summary>The answer in normalised text: label, status and a short explanation.</summary>
    internal static (string? Label, JudgmentStatus Status, string Raw) Extract(string text)
    {
        if (YesNoPatterns.Both.IsMatch(text))
        {
            return (null, JudgmentStatus.Ambiguous, "answers both yes and no");
        }

        var conditional = YesNoPatterns.Conditional.Matches(text).Select(m => m.Groups["word"].Value).Distinct(StringComparer.Ordinal).Count();
        if (conditional == 2)
        {
            return (null, JudgmentStatus.Ambiguous, "conditional yes and no");
        }

        text = YesNoPatterns.Echo.Replace(text, " ");
        bool yes = false, no = false;
        foreach (Match match in YesNoPatterns.Decisive.Matches(text))
        {
            var word = FirstCapture(match);
            if (IsYes(word))
            {
                yes = true;
            }
            else
            {
                no = true;
            }
        }

        foreach (Match match in YesNoPatterns.NegatedAnswer.Matches(text))
        {
            if (IsYes(FirstCapture(match)))
            {
                no = true;
            }
            else
            {
                yes = true;
            }
        }

        yes |= YesNoPatterns.LeadingYesPhrase.IsMatch(text);
        no |= YesNoPatterns.LeadingNoPhrase.IsMatch(text);
        if (YesNoPatterns.LeadingForeign.Match(text) is { Success: true } foreign)
        {
            yes |= foreign.Groups["yes"].Success;
            no |= foreign.Groups["no"].Success;
        }

        if (yes || no)
        {
            return yes && no
                ? (null, JudgmentStatus.Ambiguous, "decisive yes and no")
                : (yes ? "yes" : "no", JudgmentStatus.Ok, "decisive answer");
        }

        var disagree = YesNoPatterns.Disagree.IsMatch(text);
        var agree = YesNoPatterns.Agree.IsMatch(YesNoPatterns.Disagree.Replace(text, " "));
        return (agree, disagree) switch
        {
            (true, true) => (null, JudgmentStatus.Ambiguous, "agreement and disagreement"),
            (true, false) => ("yes", JudgmentStatus.Ok, "agreement wording"),
            (false, true) => ("no", JudgmentStatus.Ok, "negated agreement wording"),
            _ => (null, JudgmentStatus.Unparseable, "no yes/no answer found"),
        };
    }

    private static string FirstCapture(Match match)
    {
        for (var i = 1; i < match.Groups.Count; i++)
        {
            if (match.Groups[i].Success)
            {
                return match.Groups[i].Value;
            }
        }

        return match.Value;
    }

    private static bool IsYes(string word) => word is "yes" or "yeah" or "yep" or "yup";

    private static string? NormalizeExpected(string? expected)
    {
        var value = expected?.Trim().Trim('[', ']', '.', ' ').ToLowerInvariant();
        return value is "yes" or "no" ? value : null;
    }

    // An ambiguous verdict has no score: the rule could not decide, so it leaves the accuracy denominator (and is counted
    // in the ambiguous rate); an unparseable one (no answer) is a wrong answer.
    private static double? Score(string? label, JudgmentStatus status, string? expected) =>
        expected is null || status == JudgmentStatus.Ambiguous ? null : string.Equals(label, expected, StringComparison.Ordinal) ? 1 : 0;
}
