using System.Text.RegularExpressions;

namespace MultiTrust.Stages.Judging;

/// <summary>The echo rule of <see cref="ChoiceJudge"/>: option lists that merely repeat the question are ignored.</summary>
internal static class ChoiceEchoes
{
    private static readonly Regex s_emphasis = new(
        @"\G[ \t]*(?:\*\*|__|✓|✔|✅|←|<-|\(correct\)|- correct)",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>
    /// Replaces with spaces every run of listed options that repeats all the options of the question ("A. cat\nB. dog",
    /// "A) cat, B) dog", or lines that are just the option texts); emphasised items ("**B. dog**", "B. dog ✓") stay.
    /// </summary>
    public static string BlankEchoes(string text, string[] folded)
    {
        var spans = new List<(int Start, int End, int Option, bool Emphasised, bool Marked)>();
        foreach (Match marker in ChoicePatterns.ListMarker.Matches(text))
        {
            var option = char.ToUpperInvariant(marker.Groups["l"].Value[0]) - 'A';
            if (option >= folded.Length || folded[option].Length == 0)
            {
                continue;
            }

            var end = EndOfOwnText(text, marker.Index + marker.Length, folded[option]);
            if (end > 0)
            {
                var emphasis = s_emphasis.Match(text, end);
                var emphasised = emphasis.Success || (marker.Index >= 2 && text[marker.Index - 2] == '*' && text[marker.Index - 1] == '*');
                spans.Add((marker.Index, emphasis.Success ? emphasis.Index + emphasis.Length : end, option, emphasised, true));
            }
        }

        var markedLines = spans.Select(s => text.LastIndexOf('\n', Math.Max(0, s.Start - 1)) + 1).ToHashSet();
        var lineStart = 0;
        foreach (var line in text.Split('\n'))
        {
            var option = Array.IndexOf(folded, FoldedText.Fold(line));
            if (option >= 0 && !markedLines.Contains(lineStart))
            {
                spans.Add((lineStart, lineStart + line.Length, option, line.Contains("**", StringComparison.Ordinal), false));
            }

            lineStart += line.Length + 1;
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var chars = text.ToCharArray();
        for (var first = 0; first < spans.Count;)
        {
            // A run: adjacent items of one kind, each option once (a repeated option after the list is an answer).
            var last = first;
            var seen = new HashSet<int> { spans[first].Option };
            while (last + 1 < spans.Count && spans[last + 1].Marked == spans[first].Marked
                && IsSeparator(text, spans[last].End, spans[last + 1].Start) && seen.Add(spans[last + 1].Option))
            {
                last++;
            }

            if (last > first && seen.Count == folded.Length)
            {
                for (var i = first; i <= last; i++)
                {
                    if (!spans[i].Emphasised)
                    {
                        Array.Fill(chars, ' ', spans[i].Start, spans[i].End - spans[i].Start);
                    }
                }
            }

            first = last + 1;
        }

        return new string(chars);
    }

    /// <summary>The end of the option's own text right after a list marker (folded comparison), or -1.</summary>
    private static int EndOfOwnText(string text, int start, string foldedOption)
    {
        var lineEnd = text.IndexOf('\n', start);
        var limit = Math.Min(lineEnd < 0 ? text.Length : lineEnd, start + foldedOption.Length * 2 + 16);
        for (var end = start + 1; end <= limit; end++)
        {
            if ((end == text.Length || !char.IsLetterOrDigit(text[end]))
                && FoldedText.Fold(text[start..end]).Equals(foldedOption, StringComparison.Ordinal))
            {
                return end;
            }
        }

        return -1;
    }

    private static bool IsSeparator(string text, int end, int start)
    {
        if (start < end)
        {
            return false;
        }

        var gap = text[end..start].Trim().Trim(',', ';', '|', '-', '*', '•', '_', '.', ' ', '\n');
        return gap.Length == 0 || gap is "or" or "and";
    }
}
