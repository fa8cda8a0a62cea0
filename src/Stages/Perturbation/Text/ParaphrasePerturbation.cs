using System.Text.RegularExpressions;

namespace MultiTrust.Stages.Perturbation.Text;

/// <summary>
/// Template paraphrases: each match of a shipped rewrite rule (<see cref="ParaphraseTemplates"/>: question frames such
/// as "Is there a X in the image?" → "Does the image contain a X?", then word synonyms such as image → picture) is
/// rewritten with probability <c>rule_probability</c>. Template-based and meaning-preserving for the protocol's prompt
/// shapes; it is not a semantic paraphraser, and text that matches no rule is returned unchanged.
/// </summary>
public sealed class ParaphrasePerturbation : ITextPerturbation
{
    private static readonly double[] s_probabilities = [0.2, 0.4, 0.6, 0.8, 1.0];

    public string Name => "paraphrase";

    public int Version => 1;

    public IReadOnlyDictionary<string, double> Parameters(int severity)
    {
        TextSegments.RequireSeverity(severity);
        return new Dictionary<string, double>(StringComparer.Ordinal) { ["rule_probability"] = s_probabilities[severity - 1] };
    }

    public string Apply(string text, int severity, ulong seed, int protectedFrom = int.MaxValue)
    {
        TextSegments.RequireSeverity(severity);
        var probability = s_probabilities[severity - 1];
        var random = new PerturbationRandom(seed, Name);
        return TextSegments.Rewrite(text, protectedFrom, segment => Rewrite(segment, probability, random));
    }

    private static string Rewrite(string segment, double probability, PerturbationRandom random)
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

    private static string Replace(string segment, Regex pattern, string template, double probability, PerturbationRandom random) =>
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
