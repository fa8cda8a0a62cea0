using MultiTrust.Core.Imaging;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>
/// Rotates about the image centre by <c>degrees</c> in a seeded direction, keeping the size; bilinear sampling in 8-bit
/// fixed point; uncovered corners are black.
/// </summary>
internal sealed class Rotation : ImagePerturbationBase
{
    public Rotation()
        : base("rotation", needsLossless: false, ("degrees", [5, 10, 15, 20, 30]))
    {
    }

    protected override RgbaImage ApplyCore(RgbaImage image, int severity, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var sign = (rng.NextUInt64() & 1) == 0 ? 1 : -1;
        var radians = sign * Table.Value("degrees", severity) * Math.PI / 180;
        var (cos, sin) = (DeterministicMath.Cos(radians), DeterministicMath.Sin(radians));
        var (w, h) = (image.Width, image.Height);
        var (cx, cy) = ((w - 1) / 2.0, (h - 1) / 2.0);
        var src = image.Buffer;
        var dst = new byte[w * h * 4];
        Span<int> corner = stackalloc int[4];
        for (var y = 0; y < h; y++)
        {
            var dy = y - cy;
            for (var x = 0; x < w; x++)
            {
                var dx = x - cx;
                var sx = (long)Math.Floor(((cos * dx) + (sin * dy) + cx) * 256);
                var sy = (long)Math.Floor(((cos * dy) - (sin * dx) + cy) * 256);
                var x0 = sx >> 8;
                var y0 = sy >> 8;
                var fx = (int)(sx & 255);
                var fy = (int)(sy & 255);
                corner[0] = Offset(x0, y0, w, h);
                corner[1] = Offset(x0 + 1, y0, w, h);
                corner[2] = Offset(x0, y0 + 1, w, h);
                corner[3] = Offset(x0 + 1, y0 + 1, w, h);
                var d = ((y * w) + x) * 4;
                for (var c = 0; c < 3; c++)
                {
                    var top = (Sample(src, corner[0], c) * (256 - fx)) + (Sample(src, corner[1], c) * fx);
                    var bottom = (Sample(src, corner[2], c) * (256 - fx)) + (Sample(src, corner[3], c) * fx);
                    dst[d + c] = (byte)(((top * (256 - fy)) + (bottom * fy) + 32768) >> 16);
                }

                dst[d + 3] = 255;
            }
        }

        return new RgbaImage(w, h, dst);
    }

    private static int Offset(long x, long y, int w, int h) =>
        x < 0 || y < 0 || x >= w || y >= h ? -1 : (int)(((y * w) + x) * 4);

    private static int Sample(byte[] src, int offset, int channel) => offset < 0 ? 0 : src[offset + channel];
}
