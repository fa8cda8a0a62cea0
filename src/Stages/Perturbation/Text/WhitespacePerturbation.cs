using System.Text;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Text;

/// <summary>
/// Whitespace noise: each space is, with probability <c>space_rate</c>, doubled or tripled, removed, or replaced by a
/// newline or a tab (equally likely); each letter is followed by an inserted space with probability <c>split_rate</c>
/// (splitting words).
/// </summary>
public sealed class WhitespacePerturbation : ITextPerturbation
{
    private static readonly double[] s_spaceRates = [0.10, 0.20, 0.35, 0.50, 0.70];
    private static readonly double[] s_splitRates = [0.01, 0.02, 0.03, 0.05, 0.08];

    public string Name => "whitespace";

    /// <remarks>2: draws from the shared <c>SeededRandom</c> stream instead of a private SplitMix64 generator.</remarks>
    public int Version => 2;

    public IReadOnlyDictionary<string, double> Parameters(int severity)
    {
        TextSegments.RequireSeverity(severity);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["space_rate"] = s_spaceRates[severity - 1],
            ["split_rate"] = s_splitRates[severity - 1],
        };
    }

    public string Apply(string text, int severity, ulong seed, int protectedFrom = int.MaxValue)
    {
        TextSegments.RequireSeverity(severity);
        var spaceRate = s_spaceRates[severity - 1];
        var splitRate = s_splitRates[severity - 1];
        var random = SeededRandom.ForStream(unchecked((long)seed), Name, 0);
        return TextSegments.Rewrite(text, protectedFrom, segment => Rewrite(segment, spaceRate, splitRate, random));
    }

    private static string Rewrite(string segment, double spaceRate, double splitRate, SeededRandom random)
    {
        var builder = new StringBuilder(segment.Length + 16);
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (c == ' ')
            {
                var hit = random.NextDouble() < spaceRate;
                var action = random.NextInt(5);
                builder.Append(!hit ? " " : action switch
                {
                    0 => "  ",
                    1 => "   ",
                    2 => string.Empty,
                    3 => "\n",
                    _ => "\t",
                });
                continue;
            }

            builder.Append(c);
            if (char.IsLetter(c))
            {
                var split = random.NextDouble() < splitRate;
                if (split && i + 1 < segment.Length && char.IsLetter(segment[i + 1]))
                {
                    builder.Append(' ');
                }
            }
        }

        return builder.ToString();
    }
}
