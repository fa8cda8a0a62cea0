using MultiTrust.Core.Imaging;
namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>
/// Box-filter downscale by <c>scale</c> (each side, at least 1 pixel), then bilinear upscale back to the original size:
/// the detail lost at low resolution, at the original dimensions.
/// </summary>
internal sealed class DownscaleUpscale : ImagePerturbationBase
{
    public DownscaleUpscale()
        : base("downscale-upscale", needsLossless: false, ("scale", [0.6, 0.45, 0.33, 0.25, 0.15]))
    {
    }

    protected override RgbaImage ApplyCore(RgbaImage image, int severity, ulong seed)
    {
        var scale = Table.Value("scale", severity);
        var (w, h) = (image.Width, image.Height);
        var sw = Math.Max(1, (int)Math.Round(w * scale));
        var sh = Math.Max(1, (int)Math.Round(h * scale));
        var small = BoxDownscale(image.Buffer, w, h, sw, sh);
        return new RgbaImage(w, h, BilinearUpscale(small, sw, sh, w, h));
    }

    private static byte[] BoxDownscale(byte[] src, int w, int h, int sw, int sh)
    {
        var small = new byte[sw * sh * 4];
        var sums = new int[sw * 4];
        for (var sy = 0; sy < sh; sy++)
        {
            var (y0, y1) = (sy * h / sh, (sy + 1) * h / sh);
            Array.Clear(sums);
            for (var y = y0; y < y1; y++)
            {
                for (var sx = 0; sx < sw; sx++)
                {
                    for (var x = sx * w / sw; x < (sx + 1) * w / sw; x++)
                    {
                        var p = ((y * w) + x) * 4;
                        sums[sx * 4] += src[p];
                        sums[(sx * 4) + 1] += src[p + 1];
                        sums[(sx * 4) + 2] += src[p + 2];
                    }
                }
            }

            for (var sx = 0; sx < sw; sx++)
            {
                var count = (((sx + 1) * w / sw) - (sx * w / sw)) * (y1 - y0);
                var p = ((sy * sw) + sx) * 4;
                for (var c = 0; c < 3; c++)
                {
                    small[p + c] = (byte)((sums[(sx * 4) + c] + (count / 2)) / count);
                }

                small[p + 3] = 255;
            }
        }

        return small;
    }

    private static byte[] BilinearUpscale(byte[] small, int sw, int sh, int w, int h)
    {
        // Source coordinate of each output pixel centre in 8-bit fixed point, clamped to the small image.
        static int[] Positions(int from, int to)
        {
            var positions = new int[to];
            for (var i = 0; i < to; i++)
            {
                var fixedPoint = (int)(((((2L * i) + 1) * from * 256) / (2L * to)) - 128);
                positions[i] = Math.Clamp(fixedPoint, 0, (from - 1) * 256);
            }

            return positions;
        }

        var xs = Positions(sw, w);
        var ys = Positions(sh, h);
        var dst = new byte[w * h * 4];
        for (var y = 0; y < h; y++)
        {
            var (y0, fy) = (ys[y] >> 8, ys[y] & 255);
            var y1 = Math.Min(y0 + 1, sh - 1);
            for (var x = 0; x < w; x++)
            {
                var (x0, fx) = (xs[x] >> 8, xs[x] & 255);
                var x1 = Math.Min(x0 + 1, sw - 1);
                var (p00, p01) = (((y0 * sw) + x0) * 4, ((y0 * sw) + x1) * 4);
                var (p10, p11) = (((y1 * sw) + x0) * 4, ((y1 * sw) + x1) * 4);
                var d = ((y * w) + x) * 4;
                for (var c = 0; c < 3; c++)
                {
                    var top = (small[p00 + c] * (256 - fx)) + (small[p01 + c] * fx);
                    var bottom = (small[p10 + c] * (256 - fx)) + (small[p11 + c] * fx);
                    dst[d + c] = (byte)(((top * (256 - fy)) + (bottom * fy) + 32768) >> 16);
                }

                dst[d + 3] = 255;
            }
        }

        return dst;
    }
}
