using MultiTrust.Core.Hashing;
using MultiTrust.Core.Imaging;
using MultiTrust.Stages.Perturbation.Images;
using MultiTrust.Testing;

namespace MultiTrust.Sinks.Tests.Reports.DrillDown;

/// <summary>Encoded test images: smooth gradients (compress well) and seeded noise (does not).</summary>
internal static class TestImages
{
    public static byte[] GradientPng(int width, int height)
    {
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = ((y * width) + x) * 4;
                rgba[p] = (byte)(x * 255 / Math.Max(1, width - 1));
                rgba[p + 1] = (byte)(y * 255 / Math.Max(1, height - 1));
                rgba[p + 2] = 128;
                rgba[p + 3] = 255;
            }
        }

        return ImageEncoder.EncodePng(RgbaImage.FromRgba(width, height, rgba));
    }

    public static byte[] NoisePng(int width, int height, int seed)
    {
        var rgba = new byte[width * height * 4];
        new Random(seed).NextBytes(rgba);
        for (var p = 3; p < rgba.Length; p += 4)
        {
            rgba[p] = 255;
        }

        return ImageEncoder.EncodePng(RgbaImage.FromRgba(width, height, rgba));
    }

    /// <summary>Writes the bytes where a run's content store keeps them and returns their SHA-256.</summary>
    public static string StoreBlob(string outDir, byte[] bytes, string extension = "png")
    {
        var sha = ContentHasher.Sha256Hex(bytes);
        var folder = Path.Combine(outDir, "blobs", sha[..2]);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, $"{sha}.{extension}"), bytes);
        return sha;
    }

    /// <summary>Appends the bytes to a pack in the run's content store, as the store does, and returns their address.</summary>
    public static string PackBlob(string outDir, byte[] bytes, string pack = "test-0001.pack") =>
        StoredImages.AppendRecord(Path.Combine(outDir, "blobs", "packs", pack), bytes);

    public static RgbaImage Decode(byte[] bytes) => RgbaImage.Decode(bytes);
}
