using MultiTrust.Core.Imaging;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>
/// Adds independent zero-mean Gaussian noise to every colour channel (sigma on a 0–1 scale), rounded and clamped.
/// Samples come from <see cref="NormalQuantiles"/> (16 random bits each).
/// </summary>
internal sealed class GaussianNoise : ImagePerturbationBase
{
    public GaussianNoise()
        : base("gaussian-noise", needsLossless: true, ("sigma", [0.04, 0.08, 0.12, 0.18, 0.26]))
    {
    }

    protected override RgbaImage ApplyCore(RgbaImage image, int severity, ulong seed)
    {
        var noise = NormalQuantiles.Scaled(Table.Value("sigma", severity) * 255);
        var rng = new SeededRandom(seed);
        var src = image.Buffer;
        var dst = new byte[src.Length];
        for (var i = 0; i < src.Length; i += 4)
        {
            var bits = rng.NextUInt64();
            dst[i] = PixelMath.Clamp(src[i] + noise[(int)(bits & 0xFFFF)]);
            dst[i + 1] = PixelMath.Clamp(src[i + 1] + noise[(int)((bits >> 16) & 0xFFFF)]);
            dst[i + 2] = PixelMath.Clamp(src[i + 2] + noise[(int)((bits >> 32) & 0xFFFF)]);
            dst[i + 3] = 255;
        }

        return new RgbaImage(image.Width, image.Height, dst);
    }
}
