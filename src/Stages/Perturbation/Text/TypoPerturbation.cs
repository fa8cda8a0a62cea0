using System.Text;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Text;

/// <summary>
/// Keyboard typos: each ASCII letter is hit with probability <c>rate</c> by one of an adjacent swap, a drop, an
/// inserted QWERTY neighbour after it, or a replacement by a QWERTY neighbour (equally likely).
/// </summary>
public sealed class TypoPerturbation : SingleRatePerturbation
{
    public TypoPerturbation()
        : base("typos", "rate", [0.03, 0.06, 0.10, 0.15, 0.20])
    {
    }

    private protected override string RewriteSegment(string segment, double rate, SeededRandom random)
    {
        var builder = new StringBuilder(segment.Length + 8);
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (!char.IsAsciiLetter(c))
            {
                builder.Append(c);
                continue;
            }

            // Always three draws per letter, so the letters hit at a lower rate are hit at every higher rate too.
            var hit = random.NextDouble() < rate;
            var operation = random.NextInt(4);
            var choice = random.NextInt(840);
            if (!hit)
            {
                builder.Append(c);
                continue;
            }

            var canSwap = i + 1 < segment.Length && char.IsAsciiLetter(segment[i + 1]) && segment[i + 1] != c;
            switch (operation)
            {
                case 0 when canSwap:
                    builder.Append(segment[i + 1]).Append(c);
                    random.NextUInt64();
                    random.NextUInt64();
                    random.NextUInt64();
                    i++;
                    break;
                case 1:
                    break;
                case 2:
                    builder.Append(c).Append(KeyboardLayout.Neighbour(c, choice));
                    break;
                default:
                    builder.Append(KeyboardLayout.Neighbour(c, choice));
                    break;
            }
        }

        return builder.ToString();
    }
}
