using MultiTrust.Core.Randomness;
using MultiTrust.Sources.Imaging;
using MultiTrust.Sources.Synthetic.Cases;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// T.2 <c>translate</c>: a phrase such as "drei schwarze Katzen" (<see cref="TranslationPhrases"/>) rendered as a sign,
/// and "The German text in the image means "three black cats" in English." False claims change exactly one of the
/// number, the colour or the animal. A case is the phrase, the language, the wording of the statement, the font and the
/// sign colours.
/// </summary>
internal sealed class TranslationStatements : IStatementFamily
{
    private static readonly string[] s_fonts = [ShippedFonts.Sans, ShippedFonts.SansBold, ShippedFonts.MonoBold];

    private static readonly (TypographyColor Text, TypographyColor Sign)[] s_signs =
    [
        (TypographyColor.Black, TypographyColor.White),
        (TypographyColor.White, new TypographyColor(30, 60, 140)),
        (TypographyColor.Black, new TypographyColor(250, 215, 60)),
        (TypographyColor.White, new TypographyColor(20, 110, 60)),
    ];

    private readonly TranslationPhrases _phrases = TranslationPhrases.Shipped;

    public TranslationStatements()
    {
        var range = (long)_phrases.Numbers * _phrases.Colours * _phrases.Animals * TranslationPhrases.Languages.Count * 2 * s_fonts.Length * s_signs.Length;
        Space = new CaseSpace([new CasePart("phrase", range, range)]);
    }

    public CaseSpace Space { get; }

    public StatementCase Compose(int part, CaseDigits digits, bool truth, SeededRandom rng)
    {
        var number = digits.Next(_phrases.Numbers);
        var colour = digits.Next(_phrases.Colours);
        var animal = digits.Next(_phrases.Animals);
        var language = digits.Next(TranslationPhrases.Languages.Count);
        var wording = digits.Next(2);
        var font = digits.Pick(s_fonts);
        var (text, sign) = digits.Pick(s_signs);

        var (n, c, a) = (number, colour, animal);
        if (!truth)
        {
            switch (rng.NextInt(3))
            {
                case 0:
                    n = Other(number, _phrases.Numbers, rng);
                    break;
                case 1:
                    c = Other(colour, _phrases.Colours, rng);
                    break;
                default:
                    a = Other(animal, _phrases.Animals, rng);
                    break;
            }
        }

        var phrase = _phrases.Translate(language, number, colour, animal);
        var name = TranslationPhrases.Languages[language];
        var claimed = _phrases.English(n, c, a);
        var statement = wording == 0
            ? $"The {name} text in the image means \"{claimed}\" in English."
            : $"In English, the {name} text in the image says \"{claimed}\".";
        var options = new TypographyOptions { FontFile = font, TextColor = text, BackgroundColor = sign, MinHeight = 160, Margin = 24 };
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["text"] = phrase,
            ["language"] = name,
            ["answer"] = _phrases.English(number, colour, animal),
        };
        return new StatementCase(statement, TextImages.Render(phrase, options), facts);
    }

    private static int Other(int value, int count, SeededRandom rng)
    {
        var other = rng.NextInt(count - 1);
        return other >= value ? other + 1 : other;
    }
}
