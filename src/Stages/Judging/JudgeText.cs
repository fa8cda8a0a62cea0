using System.Text;

namespace MultiTrust.Stages.Judging;

/// <summary>Text normalisation shared by the rule judges.</summary>
internal static class JudgeText
{
    /// <summary>Responses longer than this are judged on their first <see cref="MaxJudgedChars"/> characters.</summary>
    public const int MaxJudgedChars = 20_000;

    /// <summary>
    /// The first <see cref="MaxJudgedChars"/> characters: bounds the work of the phrase rules (no regex timeouts, so a
    /// verdict never depends on machine load).
    /// </summary>
    public static string Head(string text) => text.Length <= MaxJudgedChars ? text : text[..MaxJudgedChars];

    /// <summary>
    /// Lower-cases, maps typographic apostrophes and quotes (and backticks) to ASCII and collapses runs of spaces and
    /// tabs (newlines are kept, as list structure matters).
    /// </summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var raw in text)
        {
            var c = raw switch
            {
                '\u2018' or '\u2019' or '\u02BC' or '\u2032' or '`' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u00A0' or '\t' => ' ',
                '\r' => '\n',
                _ => char.ToLowerInvariant(raw),
            };
            if (c == ' ')
            {
                if (lastWasSpace)
                {
                    continue;
                }

                lastWasSpace = true;
            }
            else
            {
                lastWasSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// True for letters of scripts written without spaces between words (Han, Hiragana, Katakana, Hangul, Thai): a
    /// string found next to them is not part of a longer word ("北京" in "这是北京。").
    /// </summary>
    public static bool IsUnspacedScript(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uAC00' and <= '\uD7AF') or (>= '\u0E00' and <= '\u0E7F') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>
    /// True when a letter or digit <paramref name="inside"/> at the edge of a match touches <paramref name="outside"/>, a
    /// letter or digit of the surrounding text, so that the match is part of a longer word; never for scripts without
    /// spaces (<see cref="IsUnspacedScript"/>).
    /// </summary>
    public static bool JoinsWord(char inside, char outside) =>
        char.IsLetterOrDigit(inside) && char.IsLetterOrDigit(outside) && !IsUnspacedScript(inside) && !IsUnspacedScript(outside);

    /// <summary>Collapses every run of whitespace (including newlines) to one space and trims.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
