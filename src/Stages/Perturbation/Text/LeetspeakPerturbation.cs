using System.Collections.Frozen;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Text;

/// <summary>
/// Leetspeak: each letter with a digit or symbol stand-in (a→4/@, b→8, e→3, g→9, i→1/!, l→1, o→0, s→5/$, t→7, z→2,
/// either case) is replaced by one with probability <c>rate</c>.
/// </summary>
public sealed class LeetspeakPerturbation : SingleRatePerturbation
{
    private static readonly FrozenDictionary<char, string> s_leet = BuildTable();

    public LeetspeakPerturbation()
        : base("leetspeak", "rate", [0.10, 0.25, 0.40, 0.60, 0.80])
    {
    }

    private protected override string RewriteSegment(string segment, double rate, SeededRandom random) =>
        CharacterSubstitution.Rewrite(segment, s_leet, rate, random);

    private static FrozenDictionary<char, string> BuildTable()
    {
        var lower = new Dictionary<char, string>
        {
            ['a'] = "4@", ['b'] = "8", ['e'] = "3", ['g'] = "9", ['i'] = "1!", ['l'] = "1", ['o'] = "0", ['s'] = "5$",
            ['t'] = "7", ['z'] = "2",
        };
        var table = new Dictionary<char, string>(lower);
        foreach (var (letter, options) in lower)
        {
            table[char.ToUpperInvariant(letter)] = options;
        }

        return table.ToFrozenDictionary();
    }
}
