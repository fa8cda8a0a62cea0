using MultiTrust.Core.Imaging;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>
/// Linear motion blur: the mean of <c>length</c> samples along a line through each pixel, at a seeded angle in
/// [0°, 180°); edges replicated.
/// </summary>
internal sealed class MotionBlur : ImagePerturbationBase
{
    public MotionBlur()
        : base("motion-blur", needsLossless: false, ("length", [3, 7, 11, 17, 25]))
    {
    }

    protected override RgbaImage ApplyCore(RgbaImage image, int severity, ulong seed)
    {
        var length = (int)Table.Value("length", severity);
        var rng = new SeededRandom(seed);
        var angle = rng.NextDouble() * Math.PI;
        var (cos, sin) = (DeterministicMath.Cos(angle), DeterministicMath.Sin(angle));
        var half = length / 2;
        var (w, h) = (image.Width, image.Height);
        var padded = IntRows.Widen(PixelMath.EdgePadded(image, half));
        var pw = w + (2 * half);
        var rowBytes = w * 4;
        var acc = new int[w * h * 4];
        for (var t = -half; t <= half; t++)
        {
            var dx = (int)Math.Round(t * cos);
            var dy = (int)Math.Round(t * sin);
            for (var y = 0; y < h; y++)
            {
                IntRows.MultiplyAdd(acc.AsSpan(y * rowBytes, rowBytes), padded.AsSpan((((y + half + dy) * pw) + half + dx) * 4, rowBytes), 1);
            }
        }

        var dst = new byte[acc.Length];
        for (var i = 0; i < acc.Length; i++)
        {
            dst[i] = (byte)((acc[i] + half) / length);
        }

        return new RgbaImage(w, h, dst);
    }
}
