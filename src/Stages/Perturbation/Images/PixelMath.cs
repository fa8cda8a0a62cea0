using MultiTrust.Core.Imaging;
namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>Integer pixel helpers shared by the perturbations.</summary>
internal static class PixelMath
{
    public static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);

    /// <summary>BT.601 luma in 8-bit fixed point (weights 77/150/29 of 256).</summary>
    public static int Luma(int r, int g, int b) => ((77 * r) + (150 * g) + (29 * b) + 128) >> 8;

    /// <summary>Applies one 256-entry table per colour channel; alpha stays 255.</summary>
    public static RgbaImage MapChannels(RgbaImage image, byte[] red, byte[] green, byte[] blue)
    {
        var src = image.Buffer;
        var dst = new byte[src.Length];
        for (var i = 0; i < src.Length; i += 4)
        {
            dst[i] = red[src[i]];
            dst[i + 1] = green[src[i + 1]];
            dst[i + 2] = blue[src[i + 2]];
            dst[i + 3] = 255;
        }

        return new RgbaImage(image.Width, image.Height, dst);
    }

    /// <summary>Copies the image into a larger buffer with <paramref name="pad"/> replicated edge pixels on each side.</summary>
    public static byte[] EdgePadded(RgbaImage image, int pad)
    {
        var (w, h) = (image.Width, image.Height);
        var pw = w + (2 * pad);
        var src = image.Buffer;
        var dst = new byte[pw * (h + (2 * pad)) * 4];
        for (var py = 0; py < h + (2 * pad); py++)
        {
            var sy = Math.Clamp(py - pad, 0, h - 1);
            var srcRow = src.AsSpan(sy * w * 4, w * 4);
            var dstRow = dst.AsSpan(py * pw * 4, pw * 4);
            srcRow.CopyTo(dstRow[(pad * 4)..]);
            for (var px = 0; px < pad; px++)
            {
                srcRow[..4].CopyTo(dstRow[(px * 4)..]);
                srcRow[^4..].CopyTo(dstRow[((pad + w + px) * 4)..]);
            }
        }

        return dst;
    }
}
