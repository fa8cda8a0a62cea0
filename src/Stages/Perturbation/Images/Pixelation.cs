using MultiTrust.Core.Imaging;
namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>Replaces each <c>block</c> × <c>block</c> tile (smaller at the right and bottom edges) by its mean colour.</summary>
internal sealed class Pixelation : ImagePerturbationBase
{
    public Pixelation()
        : base("pixelation", needsLossless: false, ("block", [3, 5, 8, 12, 16]))
    {
    }

    protected override RgbaImage ApplyCore(RgbaImage image, int severity, ulong seed)
    {
        var block = (int)Table.Value("block", severity);
        var (w, h) = (image.Width, image.Height);
        var src = image.Buffer;
        var dst = new byte[src.Length];
        Span<int> sums = stackalloc int[3];
        for (var by = 0; by < h; by += block)
        {
            var yEnd = Math.Min(by + block, h);
            for (var bx = 0; bx < w; bx += block)
            {
                var xEnd = Math.Min(bx + block, w);
                sums.Clear();
                for (var y = by; y < yEnd; y++)
                {
                    for (var x = bx; x < xEnd; x++)
                    {
                        var p = ((y * w) + x) * 4;
                        sums[0] += src[p];
                        sums[1] += src[p + 1];
                        sums[2] += src[p + 2];
                    }
                }

                var count = (yEnd - by) * (xEnd - bx);
                var (r, g, b) = ((byte)((sums[0] + (count / 2)) / count), (byte)((sums[1] + (count / 2)) / count), (byte)((sums[2] + (count / 2)) / count));
                for (var y = by; y < yEnd; y++)
                {
                    for (var x = bx; x < xEnd; x++)
                    {
                        var p = ((y * w) + x) * 4;
                        dst[p] = r;
                        dst[p + 1] = g;
                        dst[p + 2] = b;
                        dst[p + 3] = 255;
                    }
                }
            }
        }

        return new RgbaImage(w, h, dst);
    }
}
