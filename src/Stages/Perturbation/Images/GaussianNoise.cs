namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>Adds independent zero-mean Gaussian noise to every colour channel (sigma on a 0–1 scale), clamped.</summary>
internal sealed class GaussianNoise : ImagePerturbationBase
{
    public GaussianNoise()
        : base("gaussian-noise", needsLossless: true, ("sigma", [0.04, 0.08, 0.12, 0.18, 0.26]))
    {
    }

    protected override RgbaImage ApplyCore(RgbaImage image, int severity, ulong seed)
    {
        var sigma = Table.Value("sigma", severity) * 255;
        var rng = new SeededGenerator(seed);
        var src = image.Buffer;
        var dst = new byte[src.Length];
        for (var i = 0; i < src.Length; i += 4)
        {
            for (var c = 0; c < 3; c++)
            {
                dst[i + c] = PixelMath.Clamp(src[i + c] + (int)Math.Round(sigma * rng.NextGaussian()));
            }

            dst[i + 3] = 255;
        }

        return new RgbaImage(image.Width, image.Height, dst);
    }
}
