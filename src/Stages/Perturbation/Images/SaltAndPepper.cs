using MultiTrust.Core.Imaging;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>Sets a random fraction (<c>amount</c>) of pixels to pure white or pure black, half each on average.</summary>
internal sealed class SaltAndPepper : ImagePerturbationBase
{
    public SaltAndPepper()
        : base("salt-and-pepper", needsLossless: true, ("amount", [0.01, 0.03, 0.06, 0.10, 0.17]))
    {
    }

    protected override RgbaImage ApplyCore(RgbaImage image, int severity, ulong seed)
    {
        // Compare 63 random bits against amount * 2^63 (exact for these amounts' double values), the 64th picks the colour.
        var threshold = (ulong)(Table.Value("amount", severity) * 9223372036854775808.0);
        var rng = new SeededRandom(seed);
        var dst = image.Buffer.ToArray();
        for (var i = 0; i < dst.Length; i += 4)
        {
            var r = rng.NextUInt64();
            if ((r >> 1) < threshold)
            {
                var value = (byte)((r & 1) == 0 ? 0 : 255);
                dst[i] = value;
                dst[i + 1] = value;
                dst[i + 2] = value;
            }
        }

        return new RgbaImage(image.Width, image.Height, dst);
    }
}
