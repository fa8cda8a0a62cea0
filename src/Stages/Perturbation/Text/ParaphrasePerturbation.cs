using System.Text.RegularExpressions;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Text;

/// <summary>
/// Template paraphrases: each match of a shipped rewrite rule (<see cref="ParaphraseTemplates"/>: question frames such
/// as "Is there a X in the image?" → "Does the image contain a X?", then word synonyms such as image → picture) is
/// rewritten with probability <c>rule_probability</c>. Template-based and meaning-preserving for the protocol's prompt
/// shapes; it is not a semantic paraphraser, and text that matches no rule is returned unchanged.
/// </summary>
public sealed class ParaphrasePerturbation : SingleRatePerturbation
{
    public ParaphrasePerturbation()
        : base("paraphrase", "rule_probability", [0.2, 0.4, 0.6, 0.8, 1.0])
    {
    }

    private protected override string RewriteSegment(string segment, double probability, SeededRandom random)
    {
        foreach (var (pattern, template) in ParaphraseTemplates.Frames)
        {
            segment = Replace(segment, pattern, template, probability, random);
        }

        foreach (var (pattern, template) in ParaphraseTemplates.Words)
        {
            segment = Replace(segment, pattern, template, probability, random);
        }

        return segment;
    }

    private static string Replace(string segment, Regex pattern, string template, double probability, SeededRandom random) =>
        pattern.Replace(segment, match =>
        {
            // One draw per match, whatever the outcome.
            if (random.NextDouble() >= probability)
            {
                return match.Value;
            }

            var rewritten = template.Contains('$', StringComparison.Ordinal) ? match.Result(template) : template;
            return MatchCase(match.Value, rewritten);
        });

    /// <summary>Gives the rewrite the case of the matched text's first letter ("Please" → "Kindly", "image" → "picture").</summary>
    private static string MatchCase(string original, string rewritten)
    {
        if (rewritten.Length == 0 || original.Length == 0)
        {
            return rewritten;
        }

        var first = char.IsUpper(original[0]) ? char.ToUpperInvariant(rewritten[0]) : char.ToLowerInvariant(rewritten[0]);
        return first + rewritten[1..];
    }
}
