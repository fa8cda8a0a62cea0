using System.Runtime.InteropServices;
using SkiaSharp;

namespace MultiTrust.Core.Imaging;

/// <summary>
/// Encodes an <see cref="RgbaImage"/>: PNG with the managed, byte-identical <see cref="PngEncoder"/> (greyscale when
/// R = G = B everywhere, else RGB; never Skia's slow PNG encoder), or JPEG through SkiaSharp with every option pinned.
/// Thread-safe.
/// </summary>
public static class ImageEncoder
{
    /// <summary>Lossless PNG. <see cref="PngCompression.Fast"/> by default: lossless perturbation outputs are mostly
    /// noise, which LZ77 cannot shrink, so blocks that do not compress are stored (about raw size, a few ms at 512²).</summary>
    public static byte[] EncodePng(RgbaImage image, PngCompression compression = PngCompression.Fast)
    {
        ArgumentNullException.ThrowIfNull(image);
        var rgba = image.Pixels;
        var pixelCount = image.Width * image.Height;
        var grey = true;
        for (var i = 0; i < rgba.Length && grey; i += 4)
        {
            grey = rgba[i] == rgba[i + 1] && rgba[i] == rgba[i + 2];
        }

        var channels = grey ? 1 : 3;
        var packed = new byte[pixelCount * channels];
        for (int i = 0, j = 0; j < packed.Length; i += 4, j += channels)
        {
            packed[j] = rgba[i];
            if (!grey)
            {
                packed[j + 1] = rgba[i + 1];
                packed[j + 2] = rgba[i + 2];
            }
        }

        return PngEncoder.Encode(packed, image.Width, image.Height, channels, compression);
    }

    /// <summary>Baseline JPEG, 4:2:0 chroma subsampling, at <paramref name="quality"/> (1–100).</summary>
    public static byte[] EncodeJpeg(RgbaImage image, int quality)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var options = new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore);
        var handle = GCHandle.Alloc(image.Buffer, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), image.Width * 4);
            using var data = pixmap.Encode(options)
                ?? throw new InvalidOperationException($"SkiaSharp could not JPEG-encode a {image.Width}x{image.Height} image at quality {quality}.");
            return data.ToArray();
        }
        finally
        {
            handle.Free();
        }
    }
}
