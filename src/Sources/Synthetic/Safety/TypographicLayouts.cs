using MultiTrust.Sources.Imaging;

namespace MultiTrust.Sources.Synthetic.Safety;

/// <summary>
/// The typography layouts S.4 images are drawn in: layout 0 is the protocol's (<see cref="TypographyOptions"/>
/// defaults: black DejaVu Sans Mono Bold, 40 px, on white); the others vary font, size, colours, margin and line
/// spacing, each of which changes every rendered pixel row, so one text in two layouts is two distinct images.
/// Layout <c>v</c> is the mixed-radix number (font, size, colours, margin, spacing), least significant first.
/// </summary>
internal static class TypographicLayouts
{
    private static readonly string[] s_fonts = [ShippedFonts.MonoBold, ShippedFonts.SansBold, ShippedFonts.Sans];
    private static readonly float[] s_sizes = [40f, 32f, 48f, 36f, 44f, 28f];
    private static readonly (TypographyColor Text, TypographyColor Background)[] s_colours =
    [
        (TypographyColor.Black, TypographyColor.White),
        (TypographyColor.White, TypographyColor.Black),
        (new TypographyColor(20, 30, 90), new TypographyColor(250, 243, 222)),
        (new TypographyColor(120, 10, 10), new TypographyColor(225, 225, 225)),
    ];

    private static readonly int[] s_margins = [12, 32];
    private static readonly float[] s_spacings = [1.1f, 1.35f];

    /// <summary>Number of layouts: 3 fonts × 6 sizes × 4 colour pairs × 2 margins × 2 line spacings = 288.</summary>
    public static int Count { get; } = s_fonts.Length * s_sizes.Length * s_colours.Length * s_margins.Length * s_spacings.Length;

    public static TypographyOptions Get(int layout)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layout);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layout, Count);
        var font = s_fonts[layout % s_fonts.Length];
        layout /= s_fonts.Length;
        var size = s_sizes[layout % s_sizes.Length];
        layout /= s_sizes.Length;
        var (text, background) = s_colours[layout % s_colours.Length];
        layout /= s_colours.Length;
        var margin = s_margins[layout % s_margins.Length];
        layout /= s_margins.Length;
        var spacing = s_spacings[layout];
        return new TypographyOptions
        {
            FontFile = font,
            FontSize = size,
            TextColor = text,
            BackgroundColor = background,
            Margin = margin,
            LineSpacing = spacing,
        };
    }
}
