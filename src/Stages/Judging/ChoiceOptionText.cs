namespace MultiTrust.Stages.Judging;

/// <summary>
/// The option-text rules of <see cref="ChoiceJudge"/>: finding an option's whole text (folded: case, punctuation and
/// accents ignored) in a leading, line or "the answer is" position.
/// </summary>
internal static class ChoiceOptionText
{
    // Longest first: the first trigger a prefix ends with decides.
    private static readonly string[] s_triggers =
    [
        "my final answer is", "final answer is", "final answer would be", "final answer", "correct answer is", "right answer is",
        "best answer is", "correct option is", "answer would be", "answer should be", "answer must be", "answer is",
        "choice is", "option is", "answer", "i would choose", "i d choose", "i choose", "i would pick", "i d pick", "i pick",
        "i select", "i would guess", "i d guess", "i guess", "suggests", "suggest", "indicates", "points to", "conclusion", "i would go with", "i d go with", "i ll go with", "go with", "i would say", "i d say",
        "i think it s", "i think it is", "i think", "i believe it s", "i believe", "it must be", "it s", "it is",
        "that s", "therefore", "thus", "hence", "so",
    ];

    private static readonly string[] s_corrections =
        ["actually", "wait", "correction", "on second thought", "on reflection", "i mean", "scratch that", "i was wrong"];

    private static readonly string[] s_suffixes =
    [
        "is correct", "is the correct answer", "is the correct option", "is the answer", "is right", "is the right answer",
        "is the best answer", "is the best choice", "is the most likely", "is the most accurate", "is the most appropriate",
    ];

    private const int WindowChars = 80;

    private static readonly string[] s_negations = ["not", "no", "isn", "aren", "never", "nor", "neither", "without", "than"];

    /// <summary>Adds the options named by their whole text in a leading, line, declared or final position.</summary>
    public static void Collect(string text, string[] folded, ChoiceCandidates candidates)
    {
        var map = new List<int>(text.Length);
        var all = FoldedText.Fold(text, map);
        var hits = new List<(int Start, int End, int Option)>();
        for (var i = 0; i < folded.Length; i++)
        {
            for (var at = FoldedText.IndexOfTokens(all, folded[i], 0); at >= 0; at = FoldedText.IndexOfTokens(all, folded[i], at + 1))
            {
                hits.Add((at, at + folded[i].Length, i));
            }
        }

        // "dark red" hides the "red" inside it (checked only when one option's text contains another's).
        hits.Sort((a, b) => a.Start.CompareTo(b.Start));
        if (folded.Any(o => folded.Any(p => p.Length > o.Length && o.Length > 0 && FoldedText.ContainsTokens(p, o))))
        {
            hits = WithoutNested(hits, folded.Max(o => o.Length));
        }

        var previousEnd = 0;
        foreach (var (start, end, option) in hits)
        {
            var after = all[end..Math.Min(all.Length, end + WindowChars)].TrimStart();
            var tier = start == 0 ? ChoiceTier.Position : TierOf(WithoutArticle(Window(all, start)), after);

            // "Happy. Wait, she is crying. Sad.": an option named after a self-correction is final.
            var between = " " + all[Math.Min(previousEnd, start)..start] + " ";
            if (previousEnd > 0 && s_corrections.Any(c => between.Contains(" " + c + " ", StringComparison.Ordinal)))
            {
                tier = ChoiceTier.Final;
            }

            previousEnd = Math.Max(previousEnd, end);
            if (tier is not null && !ChoiceCandidates.IsQuestion(text, map[end - 1] + 1))
            {
                candidates.AddText(option, tier.Value, map[start]);
                var joined = JoinedOption(after, folded, option);
                if (joined >= 0)
                {
                    candidates.AddText(joined, tier.Value, map[start]);
                }
            }
        }

        var position = 0;
        foreach (var line in text.Split('\n'))
        {
            var option = Array.IndexOf(folded, FoldedText.Fold(line));
            if (option >= 0)
            {
                candidates.AddText(option, ChoiceTier.Position, position);
            }

            position += line.Length + 1;
        }
    }

    /// <summary>The options mentioned without a negation just before them.</summary>
    public static List<int> Mentioned(string text, string[] folded)
    {
        var found = new List<int>();
        var map = new List<int>(text.Length);
        var all = FoldedText.Fold(text, map);
        for (var i = 0; i < folded.Length; i++)
        {
            for (var at = FoldedText.IndexOfTokens(all, folded[i], 0); at >= 0; at = FoldedText.IndexOfTokens(all, folded[i], at + 1))
            {
                var before = Window(all, at).Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(3);
                if (before.Any(w => s_negations.Contains(w)) || IsInsideLonger(all, at, i, folded)
                    || ChoiceCandidates.IsQuestion(text, map[at + folded[i].Length - 1] + 1))
                {
                    continue;
                }

                found.Add(i);
                break;
            }
        }

        return found;
    }

    /// <summary>Drops hits lying inside a longer hit of another option; hits are sorted by start.</summary>
    private static List<(int Start, int End, int Option)> WithoutNested(List<(int Start, int End, int Option)> hits, int longest)
    {
        var kept = new List<(int Start, int End, int Option)>(hits.Count);
        for (var i = 0; i < hits.Count; i++)
        {
            var h = hits[i];
            var inside = false;
            for (var j = i - 1; j >= 0 && hits[j].Start >= h.Start - longest && !inside; j--)
            {
                inside = IsLongerAround(hits[j], h);
            }

            for (var j = i + 1; j < hits.Count && hits[j].Start == h.Start && !inside; j++)
            {
                inside = IsLongerAround(hits[j], h);
            }

            if (!inside)
            {
                kept.Add(h);
            }
        }

        return kept;
    }

    private static bool IsLongerAround((int Start, int End, int Option) outer, (int Start, int End, int Option) inner) =>
        outer.Option != inner.Option && outer.Start <= inner.Start && outer.End >= inner.End
        && outer.End - outer.Start > inner.End - inner.Start;

    private static bool IsInsideLonger(string all, int at, int option, string[] folded)
    {
        var end = at + folded[option].Length;
        for (var j = 0; j < folded.Length; j++)
        {
            if (folded[j].Length <= folded[option].Length)
            {
                continue;
            }

            var from = Math.Max(0, end - folded[j].Length);
            for (var k = FoldedText.IndexOfTokens(all, folded[j], from); k >= 0 && k <= at; k = FoldedText.IndexOfTokens(all, folded[j], k + 1))
            {
                if (k + folded[j].Length >= end)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"beach or mountain", "yes and no": the option joined to the previous one, or -1.</summary>
    private static int JoinedOption(string after, string[] folded, int option)
    {
        foreach (var joiner in (string[])["or ", "and ", "and or ", "nor "])
        {
            if (!after.StartsWith(joiner, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = WithoutLeadingArticle(after[joiner.Length..]);
            for (var i = 0; i < folded.Length; i++)
            {
                if (i != option && FoldedText.IndexOfTokens(rest, folded[i], 0) == 0)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static string WithoutArticle(string before)
    {
        foreach (var article in (string[])["a", "an", "the"])
        {
            if (EndsWithTokens(before, article))
            {
                return before[..^article.Length].TrimEnd();
            }
        }

        return before;
    }

    private static string WithoutLeadingArticle(string text)
    {
        foreach (var article in (string[])["a ", "an ", "the "])
        {
            if (text.StartsWith(article, StringComparison.Ordinal))
            {
                return text[article.Length..];
            }
        }

        return text;
    }

    /// <summary>The folded text just before <paramref name="start"/>: enough for every trigger, bounded so long responses stay linear.</summary>
    private static string Window(string all, int start) => all[Math.Max(0, start - WindowChars)..start].TrimEnd();

    private static ChoiceTier? TierOf(string before, string after)
    {
        if (before.Length == 0)
        {
            return ChoiceTier.Position;
        }

        foreach (var trigger in s_triggers)
        {
            if (EndsWithTokens(before, trigger))
            {
                var rest = before[..^trigger.Length].TrimEnd();
                return trigger.Contains("final", StringComparison.Ordinal) || s_corrections.Any(c => EndsWithTokens(rest, c))
                    ? ChoiceTier.Final
                    : ChoiceTier.Declared;
            }
        }

        if (s_corrections.Any(c => EndsWithTokens(before, c)))
        {
            return ChoiceTier.Final;
        }

        return s_suffixes.Any(s => FoldedText.IndexOfTokens(after, s, 0) == 0) ? ChoiceTier.Declared : null;
    }

    private static bool EndsWithTokens(string text, string tail) =>
        text.EndsWith(tail, StringComparison.Ordinal) && (text.Length == tail.Length || text[^(tail.Length + 1)] == ' ');
}
