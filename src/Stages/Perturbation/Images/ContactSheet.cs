using MultiTrust.Core;
using MultiTrust.Core.Imaging;
using SkiaSharp;

namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>
/// A labelled grid of perturbed thumbnails: one row per perturbation, one column per severity, as PNG. Labels are drawn
/// with the shipped DejaVu Sans (aliased, unhinted) so the sheet is reproducible.
/// </summary>
public static class ContactSheet
{
    private const int LabelWidth = 150;
    private const int HeaderHeight = 22;
    private const int Gap = 6;
    private const float FontSize = 13;

    /// <summary>The documentation sheet: a 128-pixel <see cref="SampleScene"/>, every perturbation, severities 1, 3, 5.</summary>
    public static byte[] RenderDefault() => Render(SampleScene.Render(128, 128), ImagePerturbationCatalog.All, [1, 3, 5]);

    /// <summary>Writes <see cref="RenderDefault"/> to <paramref name="path"/> (the CLI's <c>perturbations contact-sheet</c>).</summary>
    public static async Task WriteDefaultAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllBytesAsync(path, RenderDefault(), cancellationToken).ConfigureAwait(false);
    }

    public static byte[] Render(RgbaImage source, IReadOnlyList<IImagePerturbation> perturbations, int[] severities, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(perturbations);
        ArgumentNullException.ThrowIfNull(severities);
        var (tw, th) = (source.Width, source.Height);
        var width = LabelWidth + (severities.Length * (tw + Gap)) + Gap;
        var height = HeaderHeight + (perturbations.Count * (th + Gap)) + Gap;

        var pixels = DrawLabels(width, height, perturbations, severities, tw, th);
        for (var row = 0; row < perturbations.Count; row++)
        {
            for (var column = 0; column < severities.Length; column++)
            {
                var thumb = perturbations[row].Apply(source, severities[column], seed);
                Blit(thumb, pixels, width, LabelWidth + (column * (tw + Gap)), HeaderHeight + (row * (th + Gap)));
            }
        }

        return ImageEncoder.EncodePng(new RgbaImage(width, height, pixels));
    }

    private static byte[] DrawLabels(int width, int height, IReadOnlyList<IImagePerturbation> perturbations, int[] severities, int tw, int th)
    {
        var fontPath = DataPaths.Combine("fonts", "DejaVuSans.ttf");
        using var typeface = SKTypeface.FromFile(fontPath) ?? throw new FileNotFoundException($"Cannot load the label font '{fontPath}'.", fontPath);
        using var font = new SKFont(typeface, FontSize) { Edging = SKFontEdging.Alias, Hinting = SKFontHinting.None, Subpixel = false };
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false, Style = SKPaintStyle.Fill };
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            for (var column = 0; column < severities.Length; column++)
            {
                var x = LabelWidth + (column * (tw + Gap));
                canvas.DrawText($"severity {severities[column]}", x, HeaderHeight - 6, SKTextAlign.Left, font, paint);
            }

            for (var row = 0; row < perturbations.Count; row++)
            {
                var y = HeaderHeight + (row * (th + Gap)) + (th / 2) + 5;
                canvas.DrawText(perturbations[row].Name, Gap, y, SKTextAlign.Left, font, paint);
            }
        }

        var pixels = bitmap.GetPixelSpan().ToArray();
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }

        return pixels;
    }

    private static void Blit(RgbaImage thumb, byte[] sheet, int sheetWidth, int left, int top)
    {
        var rowBytes = thumb.Width * 4;
        for (var y = 0; y < thumb.Height; y++)
        {
            thumb.Pixels.Slice(y * rowBytes, rowBytes).CopyTo(sheet.AsSpan((((top + y) * sheetWidth) + left) * 4));
        }
    }
}
