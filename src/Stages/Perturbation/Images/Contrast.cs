using MultiTrust.Core.Imaging;
namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>Reduces contrast: each colour channel is pulled towards its image mean, x' = mean + factor (x - mean).</summary>
internal sealed class Contrast : ImagePerturbationBase
{
    public Contrast()
        : base("contrast", needsLossless: false, ("factor", [0.6, 0.45, 0.3, 0.2, 0.1]))
    {
    }

    protected override RgbaImage ApplyCore(RgbaImage image, int severity, ulong seed)
    {
        var factor = (int)Math.Round(Table.Value("factor", severity) * 256);
        var src = image.Buffer;
        var sums = new long[3];
        for (var i = 0; i < src.Length; i += 4)
        {
            sums[0] += src[i];
            sums[1] += src[i + 1];
            sums[2] += src[i + 2];
        }

        var count = (long)image.Width * image.Height;
        var tables = new byte[3][];
        for (var c = 0; c < 3; c++)
        {
            var mean = (int)((sums[c] + (count / 2)) / count);
            tables[c] = new byte[256];
            for (var v = 0; v < 256; v++)
            {
                tables[c][v] = PixelMath.Clamp(mean + ((((v - mean) * factor) + 128) >> 8));
            }
        }

        return PixelMath.MapChannels(image, tables[0], tables[1], tables[2]);
    }
}
