using System.Text.RegularExpressions;

namespace MultiTrust.Stages.Judging;

/// <summary>The extraction rules of <see cref="YesNoJudge"/>, over text normalised by <see cref="JudgeText.Normalize"/>.</summary>
internal static class YesNoPatterns
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    private const string Word = @"(yes|yeah|yep|yup|no|nope|nah)";

    /// <summary>Echoes of the instruction ("[Yes] or [No]", "yes/no") that are not answers.</summary>
    public static readonly Regex Echo = new(
        @"\[\s*yes\s*\]\s*(?:or|/)\s*\[\s*no\s*\]|\[\s*no\s*\]\s*(?:or|/)\s*\[\s*yes\s*\]|\byes\s*(?:or|/)\s*no\b|\bno\s*(?:or|/)\s*yes\b",
        Options);

    /// <summary>"Yes and no" / "both yes and no" as the answer, leading or after "the answer is".</summary>
    public static readonly Regex Both = new(
        @"(?:^[\s""'*#>\[(]*|\b(?:answer\s+is|it's|it\s+is)\s+)(?:both\s+)?(?:yes\s+and\s+no|no\s+and\s+yes)\b",
        Options);

    /// <summary>A conditional or scoped answer, "yes if ...", "no for the second ...": one of each polarity is no definite answer.</summary>
    public static readonly Regex Conditional = new(
        @"\b(?<word>yes|no)\s+(?:if|when|unless|provided|as\s+long\s+as|for|to|on|about|regarding)\s+(?:the|a|an|you|it|we|this|that|[a-z]+ing)\b",
        Options);

    /// <summary>Decisive answers: leading word, bracketed, "the answer is ...", or a yes/no clause.</summary>
    public static readonly Regex Decisive = new(
        string.Join(
            "|",
            // Leading: "Yes, ...", "No.", "**Answer:** [No]", "A: yes"; not "No one ...", "No doubt ...".
            // A word followed by "?" ("Yes? No? Hard to tell.") is a question, not an answer.
            @"^[\s""'*#>\-\[(]*(?:(?:final\s+|short\s+)?answer|a|response|reply)?[\s*]*[:\-]?[\s""'*\[(]*" + Word
                + @"\b(?!\s+(?:one|matter|doubt|longer|more|less|other|single|further|need|problem|idea)\b)(?!-)(?![""'*\])]*\s*\?)",
            // Bracketed anywhere: "[Yes]", "(no)".
            @"[\[(]\s*" + Word + @"\s*[\])]",
            // "the answer is no", "my answer: yes", "answer = yes", {"answer": "no"}.
            @"\banswer[""']?\s*(?:is|would\s+be|will\s+be|:|=|-)\s*[:\s""'*\[(]*" + Word + @"\b",
            // "I would say yes", "I'd say no", "it is yes".
            @"(?<![a-z'])(?:i\s+would|i'd|i)\s+(?:say|answer)\s+[""'*]*" + Word + @"\b|\b(?:it\s+is|it's)\s+[""'*]*" + Word + @"[""'*]*(?=\s*(?:[,.!;:]|$))",
            // A clause of its own: "Based on the image, yes." / "Is it a dog? No." / "So no." / "Maybe yes, maybe no." / "Wait — yes,".
            @"(?:^|[.,:;!?/\u2013\u2014]|\s-\s|\n)\s*(?:(?:but|so|and|then|thus|hence|therefore|overall|actually|wait|maybe|perhaps|probably|in\s+short|in\s+summary)\s*,?\s*)?[""'*]*"
                + Word + @"[""'*]*(?=\s*(?:[,.!;:)\-\u2013\u2014]|$))"),
        Options | RegexOptions.Multiline);

    /// <summary>
    /// A leading yes or no in another language, standing alone or followed by punctuation: "Sí,", "Oui.", "Ja,", "Sì",
    /// "Sim", "Tak", "Да", "是的，", "有，", "はい、", "네," (yes); "Non", "Nein", "Não", "Nee", "Nie", "Нет", "不是", "没有",
    /// "いいえ", "아니요" (no). Spanish and Italian "no" are the English word.
    /// </summary>
    public static readonly Regex LeadingForeign = new(
        @"^[\s""'*#>\-\[(]*(?:(?<yes>sí|si|sì|oui|ja|sim|tak|evet|да|是的|是|对|對|有的|有|はい|ええ|네|예)|(?<no>non|nein|não|nao|nee|nie|hayır|нет|不是|不对|不對|没有|沒有|不|否|いいえ|아니요|아니오|아뇨))"
        + @"(?=[""'*\])]*\s*(?:[,.!;:\u2013\u2014，。、！；：]|$))",
        Options);

    /// <summary>A leading affirmation that stands alone: "Correct.", "Absolutely!", "Of course."</summary>
    public static readonly Regex LeadingYesPhrase = new(
        @"^[\s""'*#>\[(]*(?:correct|true|right|absolutely|certainly|definitely|indeed|of\s+course|sure|that's\s+(?:correct|right|true)|consistent|affirmative|"
        + @"i\s+(?:think|believe)\s+so|it\s+does|it\s+is|(?:it\s+)?(?:seems|appears|looks)\s+(?:so|like\s+it))[""'*\])]*\s*(?:[,.!;:\-\u2013\u2014]|$)",
        Options);

    /// <summary>A leading denial: "Not really.", "Absolutely not", "Incorrect.", "False."</summary>
    public static readonly Regex LeadingNoPhrase = new(
        @"^[\s""'*#>\[(]*(?:not\s+really|not\s+at\s+all|(?:absolutely|certainly|definitely|of\s+course)\s+not|incorrect|false|wrong|that's\s+(?:incorrect|wrong|false|not\s+(?:correct|right|true)))\b"
        + @"|^[\s""'*#>\[(]*(?:(?:probably|likely|most\s+likely|i'm\s+afraid|i\s+am\s+afraid|sadly|unfortunately)\s+not|negative|i\s+(?:do\s+not|don't)\s+(?:think|believe)\s+so|it\s+(?:doesn't|does\s+not|isn't|is\s+not)"
        + @"|i\s+doubt\s+(?:it|that|so)(?:'s\s+the\s+case|\s+is\s+the\s+case)?|i\s+(?:do\s+not|don't)\s+(?:think|believe)\s+(?:that's|that\s+is|it's|it\s+is)\s+the\s+case)[""'*\])]*\s*(?:[,.!;:\-\u2013\u2014]|$)",
        Options);

    /// <summary>A negated answer, "the answer is not yes": the opposite of the word.</summary>
    public static readonly Regex NegatedAnswer = new(
        @"\banswer\s+(?:is|would\s+be|will\s+be)\s+(?:not|never)\s+[""'*\[(]*" + Word + @"\b",
        Options);

    /// <summary>Negated or contrary agreement ("not consistent", "isn't correct", "incorrect", "false").</summary>
    public static readonly Regex Disagree = new(
        @"\b(?:not|never|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|does\s+not|do\s+not|did\s+not|is\s+not|are\s+not|no\s+longer)\s+(?:[a-z]+\s+){0,2}?(?:consistent|correct|true|accurate|match(?:es|ing)?|agree|align(?:s|ed)?|supported)\b"
        + @"|\b(?:doesn't|does\s+not|don't|do\s+not|didn't|did\s+not)\s+(?:hold|describe|depict|reflect|represent|capture)\b"
        + @"|\b(?:inconsistent|incorrect|inaccurate|untrue|false|wrong|mismatch(?:es|ed)?|contradicts?|contradicted|i\s+disagree)\b",
        Options);

    /// <summary>Plain agreement ("is correct", "that's true", "consistent with", "I agree"); read after removing <see cref="Disagree"/>.</summary>
    public static readonly Regex Agree = new(
        @"\b(?:is|are|'s|seems|seem|appears|appear|looks|look)\s+(?:[a-z]+\s+)?(?:consistent|correct|true|accurate)\b"
        + @"|\b(?:consistent|matches|aligns)\s+with\b|\bi\s+agree\b|\b(?:statement|caption|claim|description|it|this|that)\s+holds\b"
        + @"|\b(?:describes?|depicts?|reflects?|represents?|captures?)\s+(?:[a-z]+\s+){0,4}?(?:accurately|correctly|faithfully)\b",
        Options);
}
