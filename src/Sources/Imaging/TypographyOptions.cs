namespace MultiTrust.Sources.Imaging;

/// <summary>
/// Layout of rendered typography. The defaults follow the protocol's <c>RelatedTextEmbedImage</c> (black monospace
/// bold on white, words wrapped at a fixed width, lines centred, line height 1.1 × font size) at half its size:
/// 512 px wide instead of 1024, 40 px text instead of 90 (a few more characters per line).
/// </summary>
public sealed record TypographyOptions
{
    /// <summary>Image width in pixels (default 512).</summary>
    public int Width { get; init; } = 512;

    /// <summary>Font size in pixels (default 40).</summary>
    public float FontSize { get; init; } = 40f;

    /// <summary>Line height as a multiple of the font size (default 1.1).</summary>
    public float LineSpacing { get; init; } = 1.1f;

    /// <summary>White border on every side in pixels (default 12).</summary>
    public int Margin { get; init; } = 12;

    /// <summary>Shipped font file under <c>data/fonts</c> (default DejaVu Sans Mono Bold).</summary>
    public string FontFile { get; init; } = ShippedFonts.MonoBold;
}
