using MultiTrust.Core.Imaging;
namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>Brightens: adds <c>delta</c> (0–1 scale) to every colour channel, clamped at white.</summary>
internal sealed class Brightness : ImagePerturbationBase
{
    public Brightness()
        : base("brightness", needsLossless: false, ("delta", [0.1, 0.2, 0.3, 0.4, 0.5]))
    {
    }

    protected override RgbaImage ApplyCore(RgbaImage image, int severity, ulong seed)
    {
        var delta = (int)Math.Round(Table.Value("delta", severity) * 255);
        var table = new byte[256];
        for (var v = 0; v < 256; v++)
        {
            table[v] = PixelMath.Clamp(v + delta);
        }

        return PixelMath.MapChannels(image, table, table, table);
    }
}
