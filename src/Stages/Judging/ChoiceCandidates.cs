using System.Text;
using System.Text.RegularExpressions;

namespace MultiTrust.Stages.Judging;

/// <summary>How strongly a candidate states the choice; the strongest tier present decides.</summary>
internal enum ChoiceTier
{
    /// <summary>The only option whose text the response mentions (not negated).</summary>
    Mention,

    /// <summary>At the start of the response or alone on a line.</summary>
    Position,

    /// <summary>"The answer is B", "B is correct", "I pick C".</summary>
    Declared,

    /// <summary>"Final answer: B" or a choice after a self-correction ("actually C").</summary>
    Final,
}

/// <summary>One option the response appears to choose: its 0-based index, tier, position and group (joined choices share one).</summary>
internal readonly record struct ChoiceCandidate(int Option, ChoiceTier Tier, int Position, int Group);

/// <summary>Finds the option markers (letters, numbers) of a response; see <see cref="ChoiceJudge"/> for the rules.</summary>
internal sealed class ChoiceCandidates
{
    private static readonly HashSet<string> s_articleFollowers =
        ["because", "since", "as", "is", "was", "seems", "would", "should", "fits", "matches", "best", "and", "or"];

    private readonly string _text;
    private readonly string[] _folded;
    private readonly bool _numericOptions;
    private readonly int _restLimit;
    private readonly List<ChoiceCandidate> _found = [];
    private int _group;

    public ChoiceCandidates(string text, string[] foldedOptions)
    {
        _text = text;
        _folded = foldedOptions;
        _restLimit = 64 + (2 * foldedOptions.Max(o => o.Length));
        _numericOptions = foldedOptions.Any(o => o.Length > 0 && o.All(c => char.IsAsciiDigit(c) || c == ' '));
    }

    public List<ChoiceCandidate> Found => _found;

    /// <summary>Collects the letter and number markers of every rule.</summary>
    public void CollectMarkers()
    {
        foreach (Match match in ChoicePatterns.Corrected.Matches(_text))
        {
            Add(match, ChoiceTier.Final, requireLineRest: false);
        }

        foreach (Match match in ChoicePatterns.Declared.Matches(_text))
        {
            Add(match, match.Groups["final"].Success ? ChoiceTier.Final : ChoiceTier.Declared, requireLineRest: false);
        }

        foreach (Match match in ChoicePatterns.Suffixed.Matches(_text))
        {
            Add(match, ChoiceTier.Declared, requireLineRest: false);
        }

        var leading = ChoicePatterns.Leading.Match(_text);
        if (leading.Success)
        {
            Add(leading, ChoiceTier.Position, requireLineRest: false);
        }

        foreach (Match match in ChoicePatterns.LineStart.Matches(_text))
        {
            Add(match, ChoiceTier.Position, requireLineRest: true);
        }
    }

    /// <summary>Adds a candidate found by option text (folded) rather than by a marker.</summary>
    public void AddText(int option, ChoiceTier tier, int position) => _found.Add(new ChoiceCandidate(option, tier, position, _group++));

    private void Add(Match match, ChoiceTier tier, bool requireLineRest)
    {
        var group = _group++;
        for (var current = match; current.Success; current = ChoicePatterns.Conjunction.Match(_text, current.Index + current.Length))
        {
            var option = OptionOf(current, tier, requireLineRest);
            if (option < 0)
            {
                return;
            }

            var mark = current.Groups["m"];
            if (IsQuestion(_text, mark.Index + mark.Length))
            {
                return;
            }

            _found.Add(new ChoiceCandidate(option, tier, mark.Index, group));

            // "B. cat" where "cat" is another option's text: the response names two options.
            var other = OtherOptionNamedAfter(mark.Index + mark.Length, option);
            if (other >= 0)
            {
                _found.Add(new ChoiceCandidate(other, tier, mark.Index, group));
            }
        }
    }

    private int OptionOf(Match match, ChoiceTier tier, bool requireLineRest)
    {
        var mark = match.Groups["m"];
        var after = RestOfLine(mark.Index + mark.Length);
        int option;
        if (match.Groups["u"].Success || match.Groups["l"].Success)
        {
            var letter = match.Groups["u"].Success ? match.Groups["u"] : match.Groups["l"];
            option = char.ToUpperInvariant(letter.Value[0]) - 'A';
            if (match.Groups["u"].Success && letter.Value is "A" or "I" && IsArticle(after, option))
            {
                return -1;
            }
        }
        else if (match.Groups["n"].Success)
        {
            option = int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
        }
        else
        {
            // A bare number is an index only when the options are not numbers, and at a position only as "2." / "2)".
            if (_numericOptions || (tier == ChoiceTier.Position && !IsNumberedItem(after)))
            {
                return -1;
            }

            option = int.Parse(match.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
        }

        if (option < 0 || option >= _folded.Length)
        {
            return -1;
        }

        if (requireLineRest)
        {
            var rest = FoldedText.Fold(after);
            if (rest.Length > 0 && !rest.Equals(_folded[option], StringComparison.Ordinal))
            {
                return -1;
            }
        }

        return option;
    }

    /// <summary>"A cat sits ...": a capital A (or I) followed by a word is an article unless option A's text follows.</summary>
    private bool IsArticle(string after, int option)
    {
        if (after.Length == 0 || !char.IsWhiteSpace(after[0]))
        {
            return false;
        }

        var folded = FoldedText.Fold(after);
        if (folded.Length == 0 || (option < _folded.Length && FoldedText.IndexOfTokens(folded, _folded[option], 0) == 0))
        {
            return false;
        }

        var space = folded.IndexOf(' ', StringComparison.Ordinal);
        return !s_articleFollowers.Contains(space < 0 ? folded : folded[..space]);
    }

    private static bool IsNumberedItem(string after)
    {
        var trimmed = after.TrimStart('*', '_');
        return trimmed.Length == 0 || trimmed[0] is '.' or ')' or ':' || string.IsNullOrWhiteSpace(trimmed);
    }

    private int OtherOptionNamedAfter(int end, int option)
    {
        var after = FoldedText.Fold(RestOfLine(end));
        if (after.Length == 0 || FoldedText.IndexOfTokens(after, _folded[option], 0) == 0)
        {
            return -1;
        }

        var best = -1;
        for (var i = 0; i < _folded.Length; i++)
        {
            if (i != option && _folded[i].Length > 1 && FoldedText.IndexOfTokens(after, _folded[i], 0) == 0
                && (best < 0 || _folded[i].Length > _folded[best].Length))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// "Kitchen or bathroom? ...", "D? Let me check": a choice in a sentence that ends with a question mark is not a
    /// choice (the sentence ends at the first '.', '!', '?' or line break after the choice, looked for in the next 200
    /// characters).
    /// </summary>
    public static bool IsQuestion(string text, int end)
    {
        const int MaxSentenceRest = 200;
        var start = Math.Min(end, text.Length);
        var stop = text.IndexOfAny(['.', '!', '?', '\n'], start, Math.Min(MaxSentenceRest, text.Length - start));
        return stop >= 0 && text[stop] == '?';
    }

    /// <summary>The rest of the line after <paramref name="start"/>, at most long enough to hold the longest option.</summary>
    private string RestOfLine(int start)
    {
        var limit = Math.Min(_text.Length, start + _restLimit);
        var end = _text.IndexOf('\n', start, limit - start);
        return end < 0 ? _text[start..limit] : _text[start..end];
    }

    /// <summary>Case-preserving preparation: typographic quotes to ASCII, tabs and no-break spaces to spaces, CR to LF.</summary>
    public static string Prepare(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u02BC' or '`' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u00A0' or '\t' => ' ',
                '\r' => '\n',
                _ => c,
            });
        }

        return builder.ToString();
    }
}
