using System.Text;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Text;

/// <summary>
/// Random casing: each word (run of letters) is written in capitals with probability <c>word_caps_rate</c>; every
/// letter of the other words has its case flipped with probability <c>flip_rate</c>.
/// </summary>
public sealed class CasingPerturbation : ITextPerturbation
{
    private static readonly double[] s_flipRates = [0.05, 0.10, 0.20, 0.30, 0.45];
    private static readonly double[] s_wordCapsRates = [0.0, 0.05, 0.10, 0.20, 0.30];

    public string Name => "casing";

    /// <remarks>2: draws from the shared <c>SeededRandom</c> stream instead of a private SplitMix64 generator.</remarks>
    public int Version => 2;

    public IReadOnlyDictionary<string, double> Parameters(int severity)
    {
        TextSegments.RequireSeverity(severity);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["flip_rate"] = s_flipRates[severity - 1],
            ["word_caps_rate"] = s_wordCapsRates[severity - 1],
        };
    }

    public string Apply(string text, int severity, ulong seed, int protectedFrom = int.MaxValue)
    {
        TextSegments.RequireSeverity(severity);
        var flipRate = s_flipRates[severity - 1];
        var capsRate = s_wordCapsRates[severity - 1];
        var random = SeededRandom.ForStream(unchecked((long)seed), Name, 0);
        return TextSegments.Rewrite(text, protectedFrom, segment => Rewrite(segment, flipRate, capsRate, random));
    }

    private static string Rewrite(string segment, double flipRate, double capsRate, SeededRandom random)
    {
        var builder = new StringBuilder(segment.Length);
        var capsWord = false;
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (!char.IsLetter(c))
            {
                builder.Append(c);
                continue;
            }

            if (i == 0 || !char.IsLetter(segment[i - 1]))
            {
                capsWord = random.NextDouble() < capsRate;
            }

            // One draw per letter whatever the outcome, so flips at a lower rate are flips at every higher rate.
            var flip = random.NextDouble() < flipRate;
            if (capsWord)
            {
                builder.Append(char.ToUpperInvariant(c));
            }
            else if (flip)
            {
                builder.Append(char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
