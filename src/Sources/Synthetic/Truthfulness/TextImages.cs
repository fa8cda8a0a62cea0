using MultiTrust.Sources.Imaging;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// Typography for the truthfulness generators. <see cref="TypographyRenderer"/> is not thread-safe and generators are
/// called concurrently, so each rendering gets its own renderer.
/// </summary>
internal static class TextImages
{
    /// <summary>A centred line of large text (an arithmetic problem, a sequence).</summary>
    public static TypographyOptions Display { get; } = new() { FontSize = 48, MinHeight = 160 };

    /// <summary>Left-aligned code at a size where 30 characters fit on a line.</summary>
    public static TypographyOptions Code { get; } = new() { Width = 640, FontSize = 30, Alignment = TypographyAlignment.Left, MinHeight = 160 };

    public static RenderedImage Render(string text, TypographyOptions options)
    {
        using var renderer = new TypographyRenderer(options);
        return renderer.Render(text);
    }

    /// <summary>
    /// Code lines with their indentation kept: the renderer wraps at ASCII spaces and drops runs of them, so leading
    /// spaces become no-break spaces (same advance in the monospace font).
    /// </summary>
    public static string KeepIndentation(string code) => string.Join('\n', code.Split('\n').Select(line =>
    {
        var indent = line.Length - line.TrimStart(' ').Length;
        return new string('\u00A0', indent) + line[indent..];
    }));
}
