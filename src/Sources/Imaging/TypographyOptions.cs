namespace MultiTrust.Sources.Imaging;

/// <summary>
/// Layout of rendered typography. The defaults follow the protocol's <c>RelatedTextEmbedImage</c> (black monospace
/// bold on white, words wrapped at a fixed width, lines centred, line height 1.1 × font size) at half its size:
/// 512 px wide instead of 1024, 40 px text instead of 90 (a few more characters per line). Validated when a
/// <see cref="TypographyRenderer"/> is built.
/// </summary>
public sealed record TypographyOptions
{
    /// <summary>Image width in pixels (default 512).</summary>
    public int Width { get; init; } = 512;

    /// <summary>Smallest image height in pixels (default 0: the height follows from the number of lines). Extra
    /// height is background below the text, e.g. <see cref="Width"/> for the square FigStep images.</summary>
    public int MinHeight { get; init; }

    /// <summary>Font size in pixels (default 40).</summary>
    public float FontSize { get; init; } = 40f;

    /// <summary>Line height as a multiple of the font size (default 1.1).</summary>
    public float LineSpacing { get; init; } = 1.1f;

    /// <summary>Padding: the background border on every side in pixels (default 12).</summary>
    public int Margin { get; init; } = 12;

    /// <summary>Shipped font file under <c>data/fonts</c> (default DejaVu Sans Mono Bold).</summary>
    public string FontFile { get; init; } = ShippedFonts.MonoBold;

    /// <summary>Text colour (default black).</summary>
    public TypographyColor TextColor { get; init; } = TypographyColor.Black;

    /// <summary>Background colour (default white). When both colours are grey the PNG is 1-channel, else RGB.</summary>
    public TypographyColor BackgroundColor { get; init; } = TypographyColor.White;

    /// <summary>Horizontal placement of the lines (default centred).</summary>
    public TypographyAlignment Alignment { get; init; } = TypographyAlignment.Center;

    /// <summary>Number of empty numbered list items ("1.", "2.", …) on their own lines after the text (default 0,
    /// at most 99): the FigStep/SafeBench layout.</summary>
    public int EmptyListItems { get; init; }

    /// <summary>The FigStep/SafeBench layout: left-aligned text followed by <paramref name="items"/> empty numbered
    /// items, in a square image of the default width.</summary>
    public static TypographyOptions NumberedList(int items = 3) => new()
    {
        Alignment = TypographyAlignment.Left,
        EmptyListItems = items,
        MinHeight = 512,
    };
}
