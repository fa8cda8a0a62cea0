using System.Text.RegularExpressions;

namespace MultiTrust.Stages.Judging;

/// <summary>
/// The extraction rules of <see cref="ChoiceJudge"/>, over case-preserving text (a capital "A" after "answer is" is an
/// option letter, "a" before a noun is an article). Every pattern is linear: bounded character classes, no nested
/// quantifiers.
/// </summary>
internal static class ChoicePatterns
{
    private const RegexOptions Options =
        RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Multiline;

    // A letter: "(b)", "[c]", a capital letter standing alone ("B", "B.", "**B**"), or a small letter followed by
    // punctuation or the end ("b.", "answer: c").
    private const string Letter =
        @"(?:\(\s*(?<l>[a-z])\s*\)|\[\s*(?<l>[a-z])\s*\]|(?-i:(?<u>[A-Z]))(?![\w'-])|(?<l>[a-z])(?=[*_""']*[ \t]*(?:[.)!?;:,]|$)))";

    // A 1-based option number: "option 2", "choice #3", "number 2" (index), or a bare "(2)" / "2" (index unless the
    // options are themselves numbers).
    private const string Number =
        @"(?:(?:number|no\.)\s*#?\s*(?<n>[1-9]\d?)(?!\d)|\(\s*(?<b>[1-9]\d?)\s*\)|(?<b>[1-9]\d?)(?![\d%]|[.,]\d))";

    /// <summary>One option marker, captured as group <c>m</c>.</summary>
    private const string Mark =
        @"(?<m>(?<!\w|\w')(?:(?:option|choice)\b\s*(?:" + Letter + @"|#?\s*(?<n>[1-9]\d?)(?!\d))|" + Letter + "|" + Number + "))";

    private const string Gap = @"[ \t*_""':,\-–]*";

    /// <summary>A declared choice: "the answer is B", "Answer: (c)", "I'd pick option 2", "It's C", "So, B".</summary>
    public static readonly Regex Declared = new(
        @"(?:\b(?:(?:the|my|our)\s+)?(?:(?<final>final)\s+|(?:correct|right|best|only|most\s+(?:likely|appropriate|accurate|plausible|suitable))\s+)?(?:answer|choice|option|selection|conclusion)\s*(?:is|would\s+be|should\s+be|will\s+be|must\s+be|=|:|-|–)"
        + @"|\bi(?:\s+would|'d|\s+will|'ll)?\s+(?:choose|pick|select|go\s+with|opt\s+for|say|guess)"
        + @"|\b(?:suggests?|indicates?|points\s+to)"
        + @"|\bi\s+(?:think|believe)(?:\s+(?:it's|it\s+is|that|the\s+answer\s+is))?"
        + @"|\b(?:it's|it\s+is|it\s+must\s+be|it\s+should\s+be|that\s+would\s+be|that's)"
        + @"|\b(?:so|therefore|thus|hence)\b)"
        + Gap + @"(?:either\s+|both\s+)?" + Mark,
        Options);

    /// <summary>A choice followed by its verdict: "B is correct", "C is the answer", "A: correct".</summary>
    public static readonly Regex Suffixed = new(
        Mark + @"[ \t*_""'.):\-–]*(?:(?:is|seems|looks|appears)\s+(?:to\s+be\s+)?(?:the\s+)?(?:correct|right|best|(?:most\s+)?(?:likely|accurate|appropriate|plausible|suitable)|answer)\b|(?:correct|right)\b(?!\s*\?))",
        Options);

    /// <summary>
    /// A choice after a self-correction: "(b) ... actually C", "Wait, the answer is A", "Actually, looking again, C"
    /// (a short clause of at most 40 characters may separate the cue and the choice).
    /// </summary>
    public static readonly Regex Corrected = new(
        @"\b(?:actually|wait|correction|on\s+second\s+thought|on\s+reflection|scratch\s+that|i\s+mean|let\s+me\s+(?:correct|reconsider)(?:\s+(?:that|myself))?|i\s+was\s+wrong|i\s+misspoke)\b[\s,.:;!—–\-]*"
        + @"(?:[\w' ]{1,40}?[,:;—–\-]\s*)?"
        + @"(?:(?:it's|it\s+is|it\s+should\s+be|the\s+(?:correct\s+|right\s+|real\s+|actual\s+)?answer\s+is|i'd\s+(?:say|go\s+with)|i\s+(?:choose|pick)|make\s+that|i\s+mean|i\s+think\s+it's|my\s+(?:final\s+)?answer\s+is)\b)?"
        + Gap + Mark,
        Options);

    /// <summary>A choice at the very start of the response: "B", "(b) ...", "**C.** ...", "Option 2", "Answer: A".</summary>
    public static readonly Regex Leading = new(
        @"\A[\s*_#>""'\-(\[]*(?:answer\s*[:\-]\s*)?(?:either\s+|both\s+)?" + Gap + Mark,
        Options);

    /// <summary>A choice starting a line (the rest of the line must be empty or the option's own text).</summary>
    public static readonly Regex LineStart = new(
        @"^[ \t*_#>""'\-(\[]*" + Mark,
        Options);

    /// <summary>A further choice joined to the previous one: "A or B", "A and C", "B/C".</summary>
    public static readonly Regex Conjunction = new(
        @"\G[ \t*_""'.)\]]*(?:,|/|&|\bor\b|\band\b|\band/or\b)[ \t]*(?:either\s+|both\s+)?" + Mark,
        Options);

    /// <summary>A letter marker that may begin a listed option ("A.", "(B)", "C)").</summary>
    public static readonly Regex ListMarker = new(
        @"(?<![\w'])(?:\(\s*(?<l>[a-z])\s*\)|\[\s*(?<l>[a-z])\s*\]|(?-i:(?<l>[A-Z]))[.):\]]|(?-i:(?<l>[a-z]))[.)\]])[ \t]*",
        Options);
}
