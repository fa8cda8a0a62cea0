using MultiTrust.Core.Imaging;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>Covers a black square of <c>area</c> × the image area at a seeded position (fully inside the image).</summary>
internal sealed class Occlusion : ImagePerturbationBase
{
    public Occlusion()
        : base("occlusion", needsLossless: false, ("area", [0.02, 0.05, 0.1, 0.15, 0.25]))
    {
    }

    /// <inheritdoc/>
    /// <remarks>2: the position is drawn with the shared rejection <c>NextInt</c> instead of multiply-shift.</remarks>
    public override int Version => 2;

    protected override RgbaImage ApplyCore(RgbaImage image, int severity, ulong seed)
    {
        var (w, h) = (image.Width, image.Height);
        var side = (int)Math.Round(Math.Sqrt(Table.Value("area", severity) * w * h));
        side = Math.Clamp(side, 1, Math.Min(w, h));
        var rng = new SeededRandom(seed);
        var left = rng.NextInt(w - side + 1);
        var top = rng.NextInt(h - side + 1);
        var dst = image.Buffer.ToArray();
        for (var y = top; y < top + side; y++)
        {
            var row = dst.AsSpan(((y * w) + left) * 4, side * 4);
            for (var i = 0; i < row.Length; i += 4)
            {
                row[i] = 0;
                row[i + 1] = 0;
                row[i + 2] = 0;
            }
        }

        return new RgbaImage(w, h, dst);
    }
}
