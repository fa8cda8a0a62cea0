namespace MultiTrust.Sinks.Reports.Charts;

/// <summary>
/// The Okabe–Ito palette, ordered so the first colours stay distinct in greyscale print and for the common forms of
/// colour blindness (yellow, the lightest, comes last). Bars also carry a dark outline, so adjacent bars stay apart
/// when colour is lost.
/// </summary>
internal static class ChartPalette
{
    private static readonly string[] s_colours =
        ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442"];

    /// <summary>The colour of series <paramref name="index"/>; the palette repeats after eight series.</summary>
    public static string Colour(int index) => s_colours[index % s_colours.Length];
}
