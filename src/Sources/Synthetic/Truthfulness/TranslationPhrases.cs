using MultiTrust.Sources.Text;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// Noun phrases "number colour animal" (plural, 2–20) in English and their translations into French, Spanish, German and
/// Italian, composed from the shipped word lists <c>data/synthetic/truthfulness/translation-*.txt</c> with each
/// language's word order and agreement: the adjective follows the noun and agrees in gender in French, Spanish and
/// Italian ("trois chats noirs", "tres vacas negras", "tre pecore nere"); German puts the strong plural adjective first
/// ("drei schwarze Katzen"). Immutable and thread-safe once loaded.
/// </summary>
public sealed class TranslationPhrases
{
    /// <summary>The languages translated from, in index order.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["French", "Spanish", "German", "Italian"];

    private static readonly Lazy<TranslationPhrases> s_shipped = new(() => new TranslationPhrases(
        PhraseList.LoadFields("synthetic/truthfulness/translation-numbers.txt", 6),
        PhraseList.LoadFields("synthetic/truthfulness/translation-colours.txt", 8),
        PhraseList.LoadFields("synthetic/truthfulness/translation-animals.txt", 8)));

    private readonly IReadOnlyList<string[]> _numbers;
    private readonly IReadOnlyList<string[]> _colours;
    private readonly IReadOnlyList<string[]> _animals;

    private TranslationPhrases(IReadOnlyList<string[]> numbers, IReadOnlyList<string[]> colours, IReadOnlyList<string[]> animals)
    {
        _numbers = numbers;
        _colours = colours;
        _animals = animals;
    }

    /// <summary>The phrases of the shipped word lists (loaded once).</summary>
    public static TranslationPhrases Shipped => s_shipped.Value;

    /// <summary>How many numbers (2–20, index 0 = two).</summary>
    public int Numbers => _numbers.Count;

    /// <summary>How many colours.</summary>
    public int Colours => _colours.Count;

    /// <summary>How many animals.</summary>
    public int Animals => _animals.Count;

    /// <summary>"three black cats".</summary>
    public string English(int number, int colour, int animal) => $"{_numbers[number][1]} {_colours[colour][0]} {_animals[animal][0]}";

    /// <summary>The phrase in language <paramref name="language"/> (an index of <see cref="Languages"/>).</summary>
    public string Translate(int language, int number, int colour, int animal)
    {
        var n = _numbers[number];
        var c = _colours[colour];
        var a = _animals[animal];
        return language switch
        {
            0 => $"{n[2]} {a[1]} {(a[2] == "f" ? c[2] : c[1])}",
            1 => $"{n[3]} {a[3]} {(a[4] == "f" ? c[4] : c[3])}",
            2 => $"{n[4]} {c[5]} {a[5]}",
            _ => $"{n[5]} {a[6]} {(a[7] == "f" ? c[7] : c[6])}",
        };
    }
}
