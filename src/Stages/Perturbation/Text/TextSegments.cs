namespace MultiTrust.Stages.Perturbation.Text;

/// <summary>Splits a text into alternating editable and protected segments (see <see cref="ITextPerturbation"/>).</summary>
internal static class TextSegments
{
    public static void RequireSeverity(int severity)
    {
        if (severity is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, "Text perturbation severity must be 1..5.");
        }
    }

    /// <summary>Validates the text and protected index and rewrites every editable segment with <paramref name="rewrite"/>, in order,
    /// copying protected segments verbatim.</summary>
    public static string Rewrite(string text, int protectedFrom, Func<string, string> rewrite)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(protectedFrom);
        var builder = new System.Text.StringBuilder(text.Length + 16);
        var limit = Math.Min(protectedFrom, text.Length);
        var start = 0;
        while (start < limit)
        {
            var open = text.IndexOf('[', start, limit - start);
            if (open < 0)
            {
                builder.Append(rewrite(text[start..limit]));
                start = limit;
                break;
            }

            if (open > start)
            {
                builder.Append(rewrite(text[start..open]));
            }

            var close = text.IndexOf(']', open);
            var end = close < 0 ? text.Length : close + 1;
            builder.Append(text, open, end - open);
            start = end;
        }

        if (start < text.Length)
        {
            builder.Append(text, start, text.Length - start);
        }

        return builder.ToString();
    }
}
