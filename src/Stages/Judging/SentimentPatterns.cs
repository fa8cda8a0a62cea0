using System.Text.RegularExpressions;

namespace MultiTrust.Stages.Judging;

/// <summary>The extraction rules of <see cref="SentimentJudge"/>, over text normalised by <see cref="JudgeText.Normalize"/>.</summary>
internal static class SentimentPatterns
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.Multiline;

    // "not positive", "isn't really negative", "doesn't seem positive": a negation and at most one softening word.
    private const string Negation =
        @"(?<neg>\b(?:not|never|hardly|isn't|wasn't|aren't|doesn't|don't|didn't|cannot|can't|won't|wouldn't)\s+"
        + @"(?:(?:really|very|particularly|exactly|entirely|overly|seem|sound|appear|look|be|so|too|call|consider|describe|say|it|it's|this|that|as)\s+){0,2})?";

    // The two labels, with their Spanish, Italian, Portuguese, French and German forms.
    private const string Words = @"positive|negative|positiv[oa]|positif|positiv|negativ[oa]|n[ée]gatif|negativ";

    /// <summary>"positive and negative", "negative as well as positive": both labels coordinated as one description.</summary>
    public static readonly Regex Coordinated = new(
        @"\b(?:positive\s+(?:and|&|as\s+well\s+as|but\s+also|yet)\s+negative|negative\s+(?:and|&|as\s+well\s+as|but\s+also|yet)\s+positive)\b",
        Options);

    /// <summary>Echoes of the instruction: "'positive' or 'negative'", "positive/negative", "negative or positive".</summary>
    public static readonly Regex Echo = new(
        @"[""'\[(]*\bpositive\b[""'\])]*\s*(?:or|/)\s*[""'\[(]*\bnegative\b[""'\])]*|[""'\[(]*\bnegative\b[""'\])]*\s*(?:or|/)\s*[""'\[(]*\bpositive\b[""'\])]*",
        Options);

    /// <summary>"Neither positive nor negative": no verdict.</summary>
    public static readonly Regex Neither = new(
        @"\bneither\s+(?:positive\s+nor\s+negative|negative\s+nor\s+positive)\b",
        Options);

    /// <summary>
    /// A declared answer: a line that starts with the word and where it stands alone ("Negative.", "**Positive**",
    /// "Sentiment: not positive", "Positive sentiment"), or "the sentiment / answer / label / it is ...", "answer: ...".
    /// </summary>
    public static readonly Regex Declared = new(
        @"^[\s""'*#>\[(]*(?:(?:final\s+)?(?:answer|sentiment|label)\s*[:\-]?\s*)?[\s""'*\[(]*" + Negation
        + @"\b(?<word>" + Words + @")\b(?=[""'*\])]*\s*(?:[.,!:;(\-—]|$|sentiment\b))"
        + @"|\b(?:answer|sentiment|label|classification|it)\s+(?:of\s+(?:the|this)\s+(?:text|sentence)\s+)?(?:is|would\s+be|should\s+be|:|=|-)\s*[""'*\[(]*"
        + Negation + @"\b(?<word>" + Words + @")\b"
        + @"|\b(?:answer|sentiment|label|classification)\s*[:=\-]\s*[""'*\[(]*" + Negation + @"\b(?<word>" + Words + @")\b",
        Options);

    /// <summary>Any occurrence of the two words, with an optional negation before it.</summary>
    public static readonly Regex Word = new(
        Negation + @"\b(?<word>" + Words + @")\b",
        Options);
}
