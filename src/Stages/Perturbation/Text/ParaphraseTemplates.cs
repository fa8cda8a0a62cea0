using System.Text.RegularExpressions;

namespace MultiTrust.Stages.Perturbation.Text;

/// <summary>
/// The shipped rewrite rules of <see cref="ParaphrasePerturbation"/>: question frames matched at a sentence start, then
/// single-word synonyms. Each rule is a regular expression and a <see cref="Match.Result"/> template; all are
/// meaning-preserving for the prompt shapes of the protocol, but they are templates, not a semantic paraphraser.
/// </summary>
internal static class ParaphraseTemplates
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline;
    private const string SentenceStart = @"(?<=^|[.!?:]\s+)";
    private const string Phrase = @"([^?.!\n]+?)";
    private const string Picture = @"(this|the) (image|picture|photo)";

    public static IReadOnlyList<(Regex Pattern, string Template)> Frames { get; } =
    [
        Rule($"Is there (a|an|any) {Phrase} in {Picture}\\?", "Does $3 $4 contain $1 $2?"),
        Rule($"Are there (any )?{Phrase} in {Picture}\\?", "Does $3 $4 show $1$2?"),
        Rule($"What is (?:shown|depicted) in {Picture}\\?", "What does $1 $2 show?"),
        Rule($"How many {Phrase} are (?:there )?in {Picture}\\?", "What is the number of $1 in $2 $3?"),
        Rule($"(?:Please )?describe {Picture}\\.", "Give a description of $1 $2."),
        Rule($"What colou?r is (the|this) {Phrase}\\?", "Which colour does $1 $2 have?"),
        Rule($"Where is (the|this) {Phrase}\\?", "Where can $1 $2 be found?"),
        Rule($"What is (the|this) {Phrase} doing\\?", "What activity is $1 $2 engaged in?"),
        Rule($"Is it (true|correct) that {Phrase}\\?", "Is it $1 to say that $2?"),
        Rule("Do you agree with (the following|this) statement", "Would you agree with $1 statement"),
        Rule($"Can you {Phrase}\\?", "Could you $1?"),
    ];

    public static IReadOnlyList<(Regex Pattern, string Template)> Words { get; } =
    [
        Word("image", "picture"),
        Word("photo", "photograph"),
        Word("please", "kindly"),
        Word("shows", "displays"),
        Word("generate", "produce"),
        Word("detailed", "thorough"),
        Word("approximately", "roughly"),
        Word("determine", "work out"),
        Word("identify", "recognise"),
    ];

    private static (Regex, string) Rule(string pattern, string template) =>
        (new Regex(SentenceStart + pattern, Options, TimeSpan.FromSeconds(1)), template);

    private static (Regex, string) Word(string word, string replacement) =>
        (new Regex($@"\b{word}\b", Options, TimeSpan.FromSeconds(1)), replacement);
}
