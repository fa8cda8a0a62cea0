using MultiTrust.Core.Imaging;
namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>x' = luma + factor (x - luma) per colour channel, factor in 8-bit fixed point (256 = unchanged).</summary>
internal static class LumaBlend
{
    public static RgbaImage Apply(RgbaImage image, int factor256)
    {
        var src = image.Buffer;
        var dst = new byte[src.Length];
        for (var i = 0; i < src.Length; i += 4)
        {
            int r = src[i];
            int g = src[i + 1];
            int b = src[i + 2];
            var luma = PixelMath.Luma(r, g, b);
            dst[i] = PixelMath.Clamp(luma + ((((r - luma) * factor256) + 128) >> 8));
            dst[i + 1] = PixelMath.Clamp(luma + ((((g - luma) * factor256) + 128) >> 8));
            dst[i + 2] = PixelMath.Clamp(luma + ((((b - luma) * factor256) + 128) >> 8));
            dst[i + 3] = 255;
        }

        return new RgbaImage(image.Width, image.Height, dst);
    }
}
