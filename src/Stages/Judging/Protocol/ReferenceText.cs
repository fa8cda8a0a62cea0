using System.Text;

namespace MultiTrust.Stages.Judging.Protocol;

/// <summary>String operations with the meaning the reference's Python code gives them.</summary>
internal static class ReferenceText
{
    /// <summary>Python's <c>str.lower()</c> (invariant lower case).</summary>
    public static string Lower(string? text) => (text ?? string.Empty).ToLowerInvariant();

    /// <summary>Python's <c>text[:count]</c>: the first <paramref name="count"/> code points (not UTF-16 units).</summary>
    public static string Prefix(string text, int count)
    {
        var end = 0;
        for (var taken = 0; taken < count && end < text.Length; taken++)
        {
            end += Rune.TryGetRuneAt(text, end, out var rune) ? rune.Utf16SequenceLength : 1;
        }

        return text[..end];
    }

    /// <summary>Python's <c>needle in text</c> (ordinal substring).</summary>
    public static bool In(string needle, string text) => text.Contains(needle, StringComparison.Ordinal);
}
