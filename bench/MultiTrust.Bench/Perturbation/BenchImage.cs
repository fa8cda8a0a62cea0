using MultiTrust.Core.Imaging;
using MultiTrust.Stages.Perturbation.Images;

namespace MultiTrust.Bench.Perturbation;

/// <summary>
/// <see cref="SampleScene"/> with a ±12-level integer-hash texture, so JPEG and PNG see photo-like entropy rather than
/// flat colour regions that would flatter the encoders.
/// </summary>
internal static class BenchImage
{
    public static RgbaImage Build(int size)
    {
        var pixels = SampleScene.Render(size, size).Pixels.ToArray();
        for (var i = 0; i < pixels.Length; i += 4)
        {
            var hash = (uint)i * 2654435761u;
            for (var c = 0; c < 3; c++)
            {
                var texture = (int)((hash >> (8 * c)) % 25) - 12;
                pixels[i + c] = (byte)Math.Clamp(pixels[i + c] + texture, 0, 255);
            }
        }

        return RgbaImage.FromRgba(size, size, pixels);
    }
}
