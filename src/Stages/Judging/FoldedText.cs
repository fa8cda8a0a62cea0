using System.Text;

namespace MultiTrust.Stages.Judging;

/// <summary>
/// Loose text folding shared by the <c>choice</c> and fuzzy <c>contains</c> judges: lower case, common Latin
/// diacritics removed, every character that is not a letter or digit turned into a space, runs of spaces collapsed.
/// </summary>
/// <remarks>
/// The build runs with invariant globalization, where <see cref="string.Normalize()"/> does not decompose accents, so
/// the Latin-1 and Latin Extended-A letters are mapped by a table; other scripts pass through lower-cased.
/// </remarks>
internal static class FoldedText
{
    private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
    private const string Plain = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";

    /// <summary>The folded text, for example "Café, NAÏVE!" → "cafe naive".</summary>
    public static string Fold(string text) => Fold(text, null);

    /// <summary>The folded text; <paramref name="map"/>, when given, receives each folded character's index in <paramref name="text"/>.</summary>
    public static string Fold(string text, List<int>? map)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var index = 0; index < text.Length; index++)
        {
            var c = char.ToLowerInvariant(text[index]);
            var at = c < 'à' ? -1 : Accented.IndexOf(c, StringComparison.Ordinal);
            if (at >= 0)
            {
                c = Plain[at];
            }
            else if (c == 'ß')
            {
                AppendPending(builder, ref pendingSpace, map, index);
                builder.Append("ss");
                map?.AddRange([index, index]);
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            AppendPending(builder, ref pendingSpace, map, index);
            builder.Append(c);
            map?.Add(index);
        }

        return builder.ToString();
    }

    /// <summary>The whole tokens of the folded text.</summary>
    public static string[] Tokens(string text) => Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when <paramref name="needle"/> (folded) occurs in <paramref name="folded"/> on token boundaries.</summary>
    public static bool ContainsTokens(string folded, string needle) => IndexOfTokens(folded, needle, 0) >= 0;

    /// <summary>The first index at or after <paramref name="start"/> where folded <paramref name="needle"/> occurs on token boundaries, or -1.</summary>
    public static int IndexOfTokens(string folded, string needle, int start)
    {
        if (needle.Length == 0)
        {
            return -1;
        }

        for (var at = folded.IndexOf(needle, start, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            var end = at + needle.Length;
            if ((at == 0 || folded[at - 1] == ' ' || !JudgeText.JoinsWord(needle[0], folded[at - 1]))
                && (end == folded.Length || folded[end] == ' ' || !JudgeText.JoinsWord(needle[^1], folded[end])))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>
    /// True when <paramref name="needle"/> (folded) with its spaces removed equals a run of whole tokens of
    /// <paramref name="folded"/> joined without spaces: separators that differ between the two sides ("555 0137" and
    /// "5550137", "u s a" and "usa") do not matter, token boundaries at the ends still do.
    /// </summary>
    public static bool ContainsJoined(string folded, string needle)
    {
        var joined = needle.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (joined.Length == 0)
        {
            return false;
        }

        var tokens = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!joined.StartsWith(tokens[i], StringComparison.Ordinal))
            {
                continue;
            }

            var length = tokens[i].Length;
            for (var j = i + 1; length < joined.Length && j < tokens.Length; j++)
            {
                if (string.CompareOrdinal(joined, length, tokens[j], 0, tokens[j].Length) != 0)
                {
                    break;
                }

                length += tokens[j].Length;
            }

            if (length == joined.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendPending(StringBuilder builder, ref bool pendingSpace, List<int>? map, int index)
    {
        if (pendingSpace)
        {
            builder.Append(' ');
            map?.Add(index - 1);
            pendingSpace = false;
        }
    }
}
