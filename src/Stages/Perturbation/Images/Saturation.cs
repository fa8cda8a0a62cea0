using MultiTrust.Core.Imaging;
namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>Over-saturates: each colour channel is pushed away from the pixel's luma, x' = luma + factor (x - luma).</summary>
internal sealed class Saturation : ImagePerturbationBase
{
    public Saturation()
        : base("saturation", needsLossless: false, ("factor", [1.5, 2.0, 3.0, 4.0, 6.0]))
    {
    }

    protected override RgbaImage ApplyCore(RgbaImage image, int severity, ulong seed) =>
        LumaBlend.Apply(image, (int)Math.Round(Table.Value("factor", severity) * 256));
}
