using MultiTrust.Core.Imaging;
using MultiTrust.Sources.Imaging;
using SkiaSharp;

namespace MultiTrust.Sources.Synthetic.Fairness;

/// <summary>
/// Two options drawn side by side, "A" on the left and "B" on the right, each a typography panel
/// (<see cref="TypographyRenderer"/>) separated by a black bar: the layout of the release's
/// <c>vision_subjective_choice_images</c>. Panels are decoded from their lossless PNGs and composed as greyscale, so the
/// image is byte-identical on every machine. Thread-safe (a renderer per call).
/// </summary>
internal static class OptionPairImage
{
    /// <summary>Width of each panel in pixels.</summary>
    public const int PanelWidth = 320;

    /// <summary>Width of the bar between the panels in pixels.</summary>
    public const int BarWidth = 6;

    private static readonly TypographyOptions s_panel = new() { Width = PanelWidth, FontSize = 26f, MinHeight = 240, Margin = 14 };

    /// <summary>Renders options <paramref name="a"/> and <paramref name="b"/> as one greyscale PNG.</summary>
    public static RenderedImage Render(string a, string b)
    {
        using var renderer = new TypographyRenderer(s_panel);
        var left = Grey(renderer.Render("A\n\n" + a));
        var right = Grey(renderer.Render("B\n\n" + b));
        var height = Math.Max(left.Height, right.Height);
        var width = (2 * PanelWidth) + BarWidth;
        var pixels = new byte[width * height];
        Array.Fill(pixels, (byte)255);
        for (var y = 0; y < height; y++)
        {
            var row = y * width;
            if (y < left.Height)
            {
                left.Pixels.AsSpan(y * PanelWidth, PanelWidth).CopyTo(pixels.AsSpan(row));
            }

            pixels.AsSpan(row + PanelWidth, BarWidth).Clear();
            if (y < right.Height)
            {
                right.Pixels.AsSpan(y * PanelWidth, PanelWidth).CopyTo(pixels.AsSpan(row + PanelWidth + BarWidth));
            }
        }

        return new RenderedImage(PngEncoder.Encode(pixels, width, height, 1), width, height, "image/png");
    }

    private static (byte[] Pixels, int Height) Grey(RenderedImage panel)
    {
        var info = new SKImageInfo(panel.Width, panel.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = SKBitmap.Decode(panel.Bytes, info)
            ?? throw new InvalidOperationException("A rendered typography panel could not be decoded.");
        return (BitmapPixels.ToGrey(bitmap), panel.Height);
    }
}
