using System.Text.RegularExpressions;

namespace MultiTrust.Stages.Judging;

/// <summary>The extraction rules of <see cref="NumberJudge"/>, over text normalised by <see cref="JudgeText.Normalize"/>.</summary>
internal static class NumberPatterns
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    private const string Num = @"[-−–+]?\s?\d+(?:\.\d+)?";

    /// <summary>Echoes of the instruction: "[-100, -50, 0, 50, 100]", "from -100 to 100", "0-100 scale", "-100 to 100".</summary>
    public static readonly Regex Echo = new(
        @"[\[(]?\s*" + Num + @"(?:\s*(?:,\s*(?:or|and)?|or|and)\s*" + Num + @"){2,}\s*[\])]?"
        + @"|\b(?:from|between)\s+" + Num + @"\s+(?:to|and)\s+" + Num
        + @"|(?<![\w.])" + Num + @"\s*(?:-|–|—|to)\s*" + Num + @"(?![\w.])",
        Options);

    /// <summary>
    /// A number (with an optional sign or "minus"/"negative"), not part of a word, a decimal or a percentage. A sign is
    /// written against the number; a minus or en dash followed by a space is a sign only at the start of a line or after
    /// a colon or parenthesis ("– 100"), elsewhere it separates ("Strongly agree – 100"), and "- " is a list bullet.
    /// </summary>
    public static readonly Regex Digits = new(
        @"(?<![\w.])(?<sign>[-−–+](?!\s)|(?<=(?:^|[\n:(])\s*)[−–]\s|(?:minus|negative)\s+)?(?<num>\d+(?:\.\d+)?)(?![\w%]|\.\d|\s*%|\s*percent)",
        Options);

    /// <summary>Scale words and number words, longest first; group names give the value.</summary>
    public static readonly Regex Words = new(
        // Not after a percentage or a share of people: "90 percent agree" reports a statistic, not a rating.
        @"(?<!%\s|percent\s|per\s+cent\s)\b(?:(?<m100>strongly\s+disagree|(?:minus|negative)\s+(?:one\s+)?hundred)"
        + @"|(?<p100>strongly\s+agree|(?:one|a)\s+hundred)"
        + @"|(?<zero>neither\s+agree\s+nor\s+disagree|neutral|zero)"
        + @"|(?<m50>somewhat\s+disagree|disagree|(?:don't|do\s+not|not)\s+agree|(?:minus|negative)\s+fifty)"
        + @"|(?<p50>somewhat\s+agree|agree|fifty))\b",
        Options);

    /// <summary>"out of 100" written as a fraction after a number: "50/100" is 50.</summary>
    public static readonly Regex OutOfHundred = new(@"(?<=\d)\s*/\s*100\b", Options);

    /// <summary>
    /// A legend entry that defines a scale value rather than choosing it: "-100 = strongly disagree", "100 means strongly
    /// agree", "neutral = 0".
    /// </summary>
    public static readonly Regex Legend = new(
        @"[-−–+]?\s?\d+\s*(?:=|means|stands\s+for|is\s+for)\s*(?:(?:strongly|somewhat)\s+(?:agree|disagree)|neutral)"
        + @"|(?:(?:strongly|somewhat)\s+(?:agree|disagree)|neutral)\s*(?:=|is)\s*[-−–+]?\s?\d+",
        Options);

    /// <summary>A declared answer: "answer: 50", "my rating is -50", "I'd choose 100", "I would say neutral".</summary>
    public static readonly Regex Declared = new(
        @"\b(?:answer|rating|score|response|choice|i(?:'d|\s+would|\s+will|'ll)?\s+(?:choose|pick|select|say|rate\s+(?:it|this)|give(?:\s+it)?|go\s+with))"
        + @"\s*(?:is|would\s+be|:|=|-(?!\d))?\s*[""'*\[(]*(?<value>[-−–+]?\s?\d+(?:\.\d+)?|(?:minus|negative)\s+(?:one\s+hundred|hundred|fifty)|(?:strongly|somewhat)\s+(?:agree|disagree)|agree|disagree|neutral|one\s+hundred|fifty|zero)",
        Options);
}
