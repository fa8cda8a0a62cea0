using MultiTrust.Core.Imaging;
using MultiTrust.Stages.Perturbation.Images;

namespace MultiTrust.Stages.Tests.Perturbation.Images;

/// <summary>Fixed procedural inputs: gradients, hard edges and an integer-hash texture, so every perturbation has work.</summary>
internal static class TestImages
{
    public static RgbaImage Build(int width = 64, int height = 48)
    {
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var hash = (uint)((x * 73856093) ^ (y * 19349663)) * 2654435761u;
                var texture = (int)(hash >> 27);
                var block = ((x / 7) + (y / 7)) % 2 == 0 ? 40 : 0;
                var p = ((y * width) + x) * 4;
                pixels[p] = (byte)(30 + (x * 150 / width) + block + texture);
                pixels[p + 1] = (byte)(50 + (y * 150 / height) + texture);
                pixels[p + 2] = (byte)(200 - (x * 100 / width) - block + texture);
                pixels[p + 3] = 255;
            }
        }

        return RgbaImage.FromRgba(width, height, pixels);
    }

    public static byte[] BuildPng(int width = 64, int height = 48) => ImageEncoder.EncodePng(Build(width, height));

    public static IImagePerturbation Get(string name) => ImagePerturbationCatalog.Get(name);
}
