using System.Collections.Concurrent;
using SkiaSharp;

namespace MultiTrust.Sources.Imaging;

/// <summary>
/// Renders typography from many threads at once, as parallel generators do: each shipped font file is loaded once
/// (a typeface is immutable and safe to share) and every image gets its own cheap <see cref="TypographyRenderer"/>
/// (font and paint). The bytes are exactly those of a <see cref="TypographyRenderer"/> with the same options. Thread-safe;
/// the loaded fonts live as long as this instance.
/// </summary>
internal sealed class ParallelTypography
{
    private readonly ConcurrentDictionary<string, Lazy<SKTypeface>> _typefaces = new(StringComparer.Ordinal);

    public RenderedImage Render(TypographyOptions options, string text)
    {
        var typeface = _typefaces.GetOrAdd(options.FontFile, file => new Lazy<SKTypeface>(() => ShippedFonts.Load(file))).Value;
        using var renderer = new TypographyRenderer(options, typeface);
        return renderer.Render(text);
    }
}
