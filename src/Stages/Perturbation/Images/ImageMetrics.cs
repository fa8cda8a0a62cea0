using MultiTrust.Core.Imaging;
namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>Distortion measures between two images of the same size (RGB channels; alpha is always 255).</summary>
public static class ImageMetrics
{
    /// <summary>Mean squared error over the R, G and B channels.</summary>
    public static double MeanSquaredError(RgbaImage a, RgbaImage b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Width != b.Width || a.Height != b.Height)
        {
            throw new ArgumentException($"Images differ in size: {a.Width}x{a.Height} vs {b.Width}x{b.Height}.", nameof(b));
        }

        var pa = a.Pixels;
        var pb = b.Pixels;
        long sum = 0;
        for (var i = 0; i < pa.Length; i += 4)
        {
            for (var c = 0; c < 3; c++)
            {
                var d = pa[i + c] - pb[i + c];
                sum += d * d;
            }
        }

        return sum / (3.0 * a.Width * a.Height);
    }

    /// <summary>Peak signal-to-noise ratio in dB (peak 255); <see cref="double.PositiveInfinity"/> for identical images.</summary>
    public static double Psnr(RgbaImage a, RgbaImage b)
    {
        var mse = MeanSquaredError(a, b);
        return mse == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / mse);
    }
}
