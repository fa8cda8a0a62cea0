using System.Collections.Frozen;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Text;

/// <summary>
/// Homoglyphs: each Latin letter with a Cyrillic or Greek look-alike is replaced by one with probability <c>rate</c>
/// (e.g. Latin <c>a</c> → Cyrillic <c>а</c> U+0430). The text looks unchanged to a reader but not to a tokenizer.
/// </summary>
public sealed class HomoglyphPerturbation : SingleRatePerturbation
{
    // Look-alikes in DejaVu/most fonts; Cyrillic first, Greek where there is a good one.
    private static readonly FrozenDictionary<char, string> s_homoglyphs = new Dictionary<char, string>
    {
        ['a'] = "\u0430", ['c'] = "\u0441", ['e'] = "\u0435", ['i'] = "\u0456", ['j'] = "\u0458",
        ['o'] = "\u043E\u03BF", ['p'] = "\u0440\u03C1", ['s'] = "\u0455", ['x'] = "\u0445", ['y'] = "\u0443",
        ['v'] = "\u03BD", ['h'] = "\u04BB",
        ['A'] = "\u0410\u0391", ['B'] = "\u0412\u0392", ['C'] = "\u0421", ['E'] = "\u0415\u0395", ['H'] = "\u041D\u0397",
        ['I'] = "\u0406\u0399", ['J'] = "\u0408", ['K'] = "\u041A\u039A", ['M'] = "\u041C\u039C", ['N'] = "\u039D",
        ['O'] = "\u041E\u039F", ['P'] = "\u0420\u03A1", ['S'] = "\u0405", ['T'] = "\u0422\u03A4", ['X'] = "\u0425\u03A7",
        ['Y'] = "\u03A5", ['Z'] = "\u0396",
    }.ToFrozenDictionary();

    public HomoglyphPerturbation()
        : base("homoglyphs", "rate", [0.10, 0.20, 0.35, 0.50, 0.75])
    {
    }

    private protected override string RewriteSegment(string segment, double rate, SeededRandom random) =>
        CharacterSubstitution.Rewrite(segment, s_homoglyphs, rate, random);
}
