using System.Globalization;
using System.Text.RegularExpressions;

namespace MultiTrust.Stages.Judging.Llm;

/// <summary>
/// Reads one score from judge output: the numbers in the text that belong to the allowed set. Exactly one distinct
/// allowed number → that number; none or several distinct → null. "out of N" and "/N" (N the largest allowed score)
/// are ignored first, so "75/100" reads as 75. Deterministic and thread-safe.
/// </summary>
internal sealed partial class ScoreReader
{
    private readonly double[] _allowed;
    private readonly Regex _scale;

    public ScoreReader(IReadOnlyList<double> allowed)
    {
        _allowed = [.. allowed];
        var max = Format(_allowed.Max());
        _scale = new Regex(
            @"(?:\bout\s+of|/)\s*" + Regex.Escape(max) + @"(?:\.0+)?(?!\.?\d)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public double? Read(string output)
    {
        var text = _scale.Replace(JudgeText.Head(output), " ");
        double? found = null;
        foreach (Match match in Number().Matches(text))
        {
            if (!double.TryParse(match.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var allowed = Array.IndexOf(_allowed, value) >= 0;
            if (!allowed)
            {
                continue;
            }

            if (found is { } previous && previous != value)
            {
                return null;
            }

            found = value;
        }

        return found;
    }

    [GeneratedRegex(@"(?<![\w.])-?\d+(?:\.\d+)?(?![\d.]*\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
