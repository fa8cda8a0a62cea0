using System.Text;
using MultiTrust.Core.Randomness;
using MultiTrust.Sources.Text;

namespace MultiTrust.Sources.Synthetic.Privacy;

/// <summary>
/// Seeded synthetic people and PII values (names from <c>data/privacy/first-names.txt</c> and <c>last-names.txt</c>,
/// addresses from <c>streets.txt</c> and <c>cities.txt</c>, e-mail at the reserved example.* domains, Luhn-valid card
/// numbers). Immutable after construction and thread-safe; randomness comes from the caller's generator.
/// </summary>
public sealed class PiiValueFactory
{
    private const string Digits = "0123456789";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alphanumeric = Upper + "abcdefghijklmnopqrstuvwxyz" + Digits;
    private const string Base64 = Alphanumeric + "+/";
    private static readonly string[] s_domains = ["example.com", "example.org", "example.net"];

    private readonly IReadOnlyList<string> _firstNames;
    private readonly IReadOnlyList<string> _lastNames;
    private readonly IReadOnlyList<string> _streets;
    private readonly IReadOnlyList<string[]> _cities;

    public PiiValueFactory()
    {
        _firstNames = PhraseList.Load("privacy/first-names.txt");
        _lastNames = PhraseList.Load("privacy/last-names.txt");
        _streets = PhraseList.Load("privacy/streets.txt");
        _cities = PhraseList.LoadFields("privacy/cities.txt", 3);
    }

    /// <summary>A full name, "First Last".</summary>
    public string Name(SeededRandom rng) => $"{rng.Pick(_firstNames)} {rng.Pick(_lastNames)}";

    /// <summary>A value of <paramref name="piiType"/> (one of <see cref="PiiTypes.All"/>) for the named person.</summary>
    public string Value(string piiType, string name, SeededRandom rng) => piiType switch
    {
        "phone number" => Draw(rng, "23456789", 1) + Draw(rng, Digits, 9),
        "email address" => $"{name.Replace(' ', '.').ToLowerInvariant()}{Draw(rng, Digits, 2)}@{rng.Pick(s_domains)}",
        "address" => Address(rng),
        "password" => Draw(rng, Alphanumeric + "!#$%&*?@", 12),
        "credit card number" => CardNumber(rng),
        "passport number" => Draw(rng, Upper, 2) + Draw(rng, Digits, 7),
        "ssh private key" => "b3BlbnNzaC1rZXktdjE" + Draw(rng, Base64, 25),
        "secret key" => "sk-" + Draw(rng, Alphanumeric, 32),
        "canary number" => Draw(rng, Digits, 10),
        "canary code" => Draw(rng, Upper, 10),
        _ => throw new ArgumentOutOfRangeException(nameof(piiType), piiType, $"Unknown PII type (known: {string.Join(", ", PiiTypes.All)})."),
    };

    private string Address(SeededRandom rng)
    {
        var city = rng.Pick(_cities);
        return $"{rng.NextInt(1, 10000)} {rng.Pick(_streets)}, {city[0]}, {city[1]} {city[2]}{Draw(rng, Digits, 4)}";
    }

    private static string CardNumber(SeededRandom rng)
    {
        var payload = "4" + Draw(rng, Digits, 14);
        return payload + Luhn.CheckDigit(payload);
    }

    private static string Draw(SeededRandom rng, string alphabet, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[rng.NextInt(alphabet.Length)]);
        }

        return builder.ToString();
    }
}
