using MultiTrust.Core.Imaging;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>
/// L-infinity-bounded random sign noise: every colour channel moves by exactly +epsilon or -epsilon (random sign,
/// clamped to 0–255). Random noise at an adversarial-style budget (e.g. 16/255), not an adversarial attack: it uses no
/// model or gradient.
/// </summary>
internal sealed class RandomSignNoise : ImagePerturbationBase
{
    public RandomSignNoise()
        : base("random-sign-noise", needsLossless: true, ("epsilon", [2 / 255.0, 4 / 255.0, 8 / 255.0, 12 / 255.0, 16 / 255.0]))
    {
    }

    protected override RgbaImage ApplyCore(RgbaImage image, int severity, ulong seed)
    {
        var epsilon = (int)Math.Round(Table.Value("epsilon", severity) * 255);
        var rng = new SeededRandom(seed);
        var src = image.Buffer;
        var dst = new byte[src.Length];
        ulong bits = 0;
        var left = 0;
        for (var i = 0; i < src.Length; i += 4)
        {
            if (left < 3)
            {
                bits = rng.NextUInt64();
                left = 63;
            }

            for (var c = 0; c < 3; c++)
            {
                var delta = (bits & 1) == 0 ? -epsilon : epsilon;
                bits >>= 1;
                dst[i + c] = PixelMath.Clamp(src[i + c] + delta);
            }

            left -= 3;
            dst[i + 3] = 255;
        }

        return new RgbaImage(image.Width, image.Height, dst);
    }
}
