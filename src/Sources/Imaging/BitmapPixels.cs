using SkiaSharp;

namespace MultiTrust.Sources.Imaging;

/// <summary>Copies opaque RGBA8888 bitmap pixels into packed grey or RGB rows for <see cref="PngEncoder"/>.</summary>
internal static class BitmapPixels
{
    public static byte[] ToGrey(SKBitmap bitmap)
    {
        var rgba = RequireRgba(bitmap);
        var grey = new byte[bitmap.Width * bitmap.Height];
        for (var i = 0; i < grey.Length; i++)
        {
            // Renders are black/white or grey: R = G = B, so the red channel is the grey level.
            grey[i] = rgba[i * 4];
        }

        return grey;
    }

    public static byte[] ToRgb(SKBitmap bitmap)
    {
        var rgba = RequireRgba(bitmap);
        var rgb = new byte[bitmap.Width * bitmap.Height * 3];
        for (int i = 0, j = 0; j < rgb.Length; i += 4, j += 3)
        {
            rgb[j] = rgba[i];
            rgb[j + 1] = rgba[i + 1];
            rgb[j + 2] = rgba[i + 2];
        }

        return rgb;
    }

    private static ReadOnlySpan<byte> RequireRgba(SKBitmap bitmap)
    {
        if (bitmap.ColorType != SKColorType.Rgba8888 || bitmap.RowBytes != bitmap.Width * 4)
        {
            throw new ArgumentException($"Expected a packed RGBA8888 bitmap, got {bitmap.ColorType} with {bitmap.RowBytes} bytes per row.", nameof(bitmap));
        }

        return bitmap.GetPixelSpan();
    }
}
