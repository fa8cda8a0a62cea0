using System.Collections.Frozen;
using System.Text;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Text;

/// <summary>Replaces each character that has substitutes with one of them, with a given probability.</summary>
internal static class CharacterSubstitution
{
    public static string Rewrite(string segment, FrozenDictionary<char, string> substitutes, double rate, SeededRandom random)
    {
        var builder = new StringBuilder(segment.Length);
        foreach (var c in segment)
        {
            if (!substitutes.TryGetValue(c, out var options))
            {
                builder.Append(c);
                continue;
            }

            // Two draws per eligible character whatever the outcome: substitutions nest across severities.
            var hit = random.NextDouble() < rate;
            var choice = random.NextInt(840);
            builder.Append(hit ? options[choice % options.Length] : c);
        }

        return builder.ToString();
    }
}
