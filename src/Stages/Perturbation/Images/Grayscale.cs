using MultiTrust.Core.Imaging;
namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>Blends each pixel towards its BT.601 luma by <c>amount</c>; severity 5 is fully grey.</summary>
internal sealed class Grayscale : ImagePerturbationBase
{
    public Grayscale()
        : base("grayscale", needsLossless: false, ("amount", [0.2, 0.4, 0.6, 0.8, 1.0]))
    {
    }

    protected override RgbaImage ApplyCore(RgbaImage image, int severity, ulong seed) =>
        LumaBlend.Apply(image, (int)Math.Round((1 - Table.Value("amount", severity)) * 256));
}
