using MultiTrust.Core.Imaging;
namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>
/// Separable Gaussian blur (sigma in pixels, radius ceil(3 sigma), edges replicated) in 14-bit fixed point, so the
/// result does not depend on Skia's CPU-specific code paths.
/// </summary>
internal sealed class GaussianBlur : ImagePerturbationBase
{
    private const int WeightBits = 14;

    public GaussianBlur()
        : base("gaussian-blur", needsLossless: false, ("sigma", [1.0, 1.5, 2.5, 4.0, 6.0]))
    {
    }

    protected override RgbaImage ApplyCore(RgbaImage image, int severity, ulong seed)
    {
        var sigma = Table.Value("sigma", severity);
        var radius = (int)Math.Ceiling(3 * sigma);
        var weights = Kernel(sigma, radius);
        var (w, h) = (image.Width, image.Height);
        var padded = IntRows.Widen(PixelMath.EdgePadded(image, radius));
        var pw = w + (2 * radius);
        var ph = h + (2 * radius);
        var rowBytes = w * 4;

        // Horizontal pass over every padded row, kept with 8 fractional bits (max 255 << 8).
        var horizontal = new int[ph * rowBytes];
        for (var y = 0; y < ph; y++)
        {
            var acc = horizontal.AsSpan(y * rowBytes, rowBytes);
            for (var k = 0; k < weights.Length; k++)
            {
                IntRows.MultiplyAdd(acc, padded.AsSpan(((y * pw) + k) * 4, rowBytes), weights[k]);
            }

            for (var i = 0; i < acc.Length; i++)
            {
                acc[i] = (acc[i] + (1 << (WeightBits - 9))) >> (WeightBits - 8);
            }
        }

        // Vertical pass: at most (255 << 8) << 14 < 2^31.
        var dst = new byte[w * h * 4];
        var sums = new int[rowBytes];
        for (var y = 0; y < h; y++)
        {
            Array.Clear(sums);
            for (var k = 0; k < weights.Length; k++)
            {
                IntRows.MultiplyAdd(sums, horizontal.AsSpan((y + k) * rowBytes, rowBytes), weights[k]);
            }

            var outRow = dst.AsSpan(y * rowBytes, rowBytes);
            for (var i = 0; i < rowBytes; i++)
            {
                outRow[i] = (byte)((sums[i] + (1 << (WeightBits + 7))) >> (WeightBits + 8));
            }
        }

        return new RgbaImage(w, h, dst);
    }

    // Integer weights summing to exactly 2^14, so a flat region (and the alpha channel) stays unchanged.
    private static int[] Kernel(double sigma, int radius)
    {
        var raw = new double[(2 * radius) + 1];
        var total = 0.0;
        for (var k = -radius; k <= radius; k++)
        {
            raw[k + radius] = DeterministicMath.Exp(-(k * k) / (2 * sigma * sigma));
            total += raw[k + radius];
        }

        var weights = new int[raw.Length];
        var sum = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            weights[i] = (int)Math.Round(raw[i] / total * (1 << WeightBits));
            sum += weights[i];
        }

        weights[radius] += (1 << WeightBits) - sum;
        return weights;
    }
}
