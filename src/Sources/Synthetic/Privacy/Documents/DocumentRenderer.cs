using MultiTrust.Core.Imaging;
using MultiTrust.Core.Randomness;
using MultiTrust.Sources.Imaging;
using MultiTrust.Sources.Synthetic.Scenes;
using SkiaSharp;

namespace MultiTrust.Sources.Synthetic.Privacy.Documents;

/// <summary>
/// Draws a <see cref="SyntheticDocument"/> as an RGB PNG: a 600 × 300 white card (a scene document: the
/// <see cref="Scene.Size"/>-square scene with its label below) with a coloured header band, its title and logo, and
/// one line per field, in the shipped DejaVu fonts without antialiasing. The photographed style places the card at a
/// seeded offset on a table colour, blurs it (3 × 3 box, integer arithmetic) and adds seeded grain, like a hand-held
/// snapshot. Every step is integer or fixed-parameter drawing, so the bytes are identical on every machine.
/// Thread-safe (stateless; fonts are loaded per call).
/// </summary>
public static class DocumentRenderer
{
    private const int CardWidth = 600;
    private const int CardHeight = 300;
    private const int HeaderHeight = 56;
    private const int Border = 32;
    private static readonly SKColor[] s_tables = [new(150, 111, 72), new(96, 96, 104), new(188, 170, 140)];

    /// <summary>Renders <paramref name="document"/>; <paramref name="rng"/> places and grains the photographed style.</summary>
    public static RenderedImage Render(SyntheticDocument document, bool photographed, SeededRandom rng)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(rng);
        var (width, height) = document.Picture is null ? (CardWidth, CardHeight) : (Scene.Size, Scene.Size + 44);
        var (dx, dy) = (0, 0);
        var (canvasWidth, canvasHeight) = (width, height);
        if (photographed)
        {
            (dx, dy) = (rng.NextInt(2 * Border + 1), rng.NextInt(2 * Border + 1));
            (canvasWidth, canvasHeight) = (width + (2 * Border), height + (2 * Border));
        }

        using var bitmap = new SKBitmap(new SKImageInfo(canvasWidth, canvasHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(photographed ? rng.Pick(s_tables) : SKColors.White);
            canvas.Translate(dx, dy);
            Paint(canvas, document, width, height);
        }

        var rgb = BitmapPixels.ToRgb(bitmap);
        if (photographed)
        {
            rgb = Blur(rgb, canvasWidth, canvasHeight);
            AddGrain(rgb, rng);
        }

        return new RenderedImage(PngEncoder.Encode(rgb, canvasWidth, canvasHeight, 3), canvasWidth, canvasHeight, "image/png");
    }

    private static void Paint(SKCanvas canvas, SyntheticDocument document, int width, int height)
    {
        using var paint = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill, BlendMode = SKBlendMode.Src, Color = SKColors.White };
        canvas.DrawRect(0, 0, width, height, paint);
        var top = 0;
        if (document.Picture is { } scene)
        {
            SceneRenderer.Paint(canvas, scene);
            top = Scene.Size;
        }
        else
        {
            paint.Color = ScenePalette.ColourOf(document.Colour);
            canvas.DrawRect(0, 0, width, HeaderHeight, paint);
            paint.Color = SKColors.White;
            SceneRenderer.DrawShape(canvas, paint, document.Logo, width - 34, HeaderHeight / 2, 18);
        }

        using var boldFace = ShippedFonts.Load(ShippedFonts.SansBold);
        using var sansFace = ShippedFonts.Load(ShippedFonts.Sans);
        using var bold = Font(boldFace, 26);
        using var sans = Font(sansFace, 20);
        using var ink = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill, Color = SKColors.White };
        if (document.Picture is null)
        {
            canvas.DrawText(document.Title, 20, 38, SKTextAlign.Left, bold, ink);
        }

        ink.Color = SKColors.Black;
        var baseline = document.Picture is null ? HeaderHeight + 44 : top + 30;
        foreach (var field in document.Fields)
        {
            canvas.DrawText(field.Text, 20, baseline, SKTextAlign.Left, sans, ink);
            baseline += 34;
        }

        paint.Color = new SKColor(60, 60, 60);
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = 0;
        canvas.DrawRect(0, 0, width - 1, height - 1, paint);
    }

    private static SKFont Font(SKTypeface face, float size) => new(face, size)
    {
        Edging = SKFontEdging.Alias,
        Hinting = SKFontHinting.None,
        Subpixel = false,
        LinearMetrics = true,
        EmbeddedBitmaps = false,
        BaselineSnap = true,
    };

    // Integer 3 × 3 box blur with clamped edges: exact, so identical everywhere.
    private static byte[] Blur(byte[] rgb, int width, int height)
    {
        var result = new byte[rgb.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var sum = 0;
                    for (var j = -1; j <= 1; j++)
                    {
                        var yy = Math.Clamp(y + j, 0, height - 1);
                        for (var i = -1; i <= 1; i++)
                        {
                            var xx = Math.Clamp(x + i, 0, width - 1);
                            sum += rgb[(((yy * width) + xx) * 3) + c];
                        }
                    }

                    result[(((y * width) + x) * 3) + c] = (byte)((sum + 4) / 9);
                }
            }
        }

        return result;
    }

    private static void AddGrain(byte[] rgb, SeededRandom rng)
    {
        for (var p = 0; p < rgb.Length; p += 3)
        {
            var delta = rng.NextInt(-6, 7);
            for (var c = 0; c < 3; c++)
            {
                rgb[p + c] = (byte)Math.Clamp(rgb[p + c] + delta, 0, 255);
            }
        }
    }
}
