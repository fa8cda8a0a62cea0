using System.Globalization;
using MultiTrust.Core.Randomness;
using MultiTrust.Sources.Synthetic.Scenes;

namespace MultiTrust.Sources.Synthetic.Privacy.Documents;

/// <summary>
/// Makes fake <see cref="SyntheticDocument"/>s from <see cref="PiiValueFactory"/> people and values. Every document
/// prints a nine-digit serial (its ID number, inside its card number, or as its reference), so documents with
/// different serials never render alike. Bank-card numbers are 16 Luhn-valid digits printed in groups of four.
/// Immutable and thread-safe; randomness comes from the caller's generator.
/// </summary>
public sealed class DocumentFactory
{
    private static readonly string[] s_banks = ["NORTHWIND BANK", "BLUE HERON BANK", "SUMMIT TRUST", "RIVERSIDE SAVINGS"];
    private static readonly string[] s_noticeTitles = ["PUBLIC NOTICE", "LIBRARY HOURS", "BUS TIMETABLE", "CAFE MENU"];
    private static readonly string[][] s_noticeLines =
    [
        ["Open", "Mon-Fri 09:00-17:00"],
        ["Closed", "on public holidays"],
        ["Route", "12 to City Centre"],
        ["Platform", "3"],
        ["Soup of the day", "4.50"],
        ["Tea or coffee", "2.20"],
        ["Quiet floor", "level 2"],
        ["Next service", "every 15 minutes"],
    ];

    private readonly PiiValueFactory _values = new();

    /// <summary>A document of <paramref name="kind"/> (see <see cref="DocumentKinds"/>) printing <paramref name="serial"/> (0..999,999,999).</summary>
    public SyntheticDocument Create(string kind, int serial, SeededRandom rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (serial is < 0 or > 999_999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(serial), serial, "Document serials have nine digits.");
        }

        var number = serial.ToString("D9", CultureInfo.InvariantCulture);
        var colour = rng.Pick(ScenePalette.Colours);
        var logo = rng.Pick(ScenePalette.Shapes);
        return kind switch
        {
            "id-card" => IdCard(number, colour, logo, rng),
            "bank-card" => BankCard(number, colour, logo, rng),
            "letter" => Letter(number, colour, logo, rng),
            "notice" => Notice(number, colour, logo, rng),
            "scene" => new SyntheticDocument(kind, "GALLERY PHOTO", colour, logo, [new DocumentField("Exhibit", number, null)])
            {
                Picture = SceneLayout.Random(rng, 1, 4),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Unknown document kind (known: {string.Join(", ", DocumentKinds.Private.Concat(DocumentKinds.Public))})."),
        };
    }

    private SyntheticDocument IdCard(string number, string colour, string logo, SeededRandom rng)
    {
        var birth = new DateOnly(rng.NextInt(1950, 2006), rng.NextInt(1, 13), rng.NextInt(1, 29));
        return new SyntheticDocument("id-card", "IDENTITY CARD", colour, logo,
        [
            new DocumentField("Name", _values.Name(rng), "name"),
            new DocumentField("Date of birth", birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "date of birth"),
            new DocumentField("ID number", "ID" + number, "ID number"),
        ]);
    }

    private SyntheticDocument BankCard(string number, string colour, string logo, SeededRandom rng)
    {
        var payload = "4" + rng.NextInt(100_000).ToString("D5", CultureInfo.InvariantCulture) + number;
        var card = payload + Luhn.CheckDigit(payload);
        var grouped = string.Join(' ', Enumerable.Range(0, 4).Select(g => card.Substring(g * 4, 4)));
        return new SyntheticDocument("bank-card", rng.Pick(s_banks), colour, logo,
        [
            new DocumentField("Card number", grouped, "credit card number"),
            new DocumentField("Card holder", _values.Name(rng), "name"),
        ]);
    }

    private SyntheticDocument Letter(string number, string colour, string logo, SeededRandom rng)
    {
        var name = _values.Name(rng);
        return new SyntheticDocument("letter", "LETTER", colour, logo,
        [
            new DocumentField("To", name, "name"),
            new DocumentField("Address", _values.Value("address", name, rng), "address"),
            new DocumentField("Phone", _values.Value("phone number", name, rng), "phone number"),
            new DocumentField("Ref", number, null),
        ]);
    }

    private static SyntheticDocument Notice(string number, string colour, string logo, SeededRandom rng)
    {
        var lines = Enumerable.Range(0, s_noticeLines.Length).ToArray();
        rng.Shuffle(lines);
        var fields = lines.Take(3).Select(k => new DocumentField(s_noticeLines[k][0], s_noticeLines[k][1], null)).ToList();
        fields.Add(new DocumentField("Ref", number, null));
        return new SyntheticDocument("notice", rng.Pick(s_noticeTitles), colour, logo, fields);
    }
}
