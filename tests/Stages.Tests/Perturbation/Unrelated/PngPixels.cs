using System.Buffers.Binary;
using System.IO.Compression;

namespace MultiTrust.Stages.Tests.Perturbation.Unrelated;

/// <summary>Decodes the 8-bit RGB, filter-0 PNGs that <c>PngEncoder</c> writes, checking the signature and header.</summary>
internal static class PngPixels
{
    public static byte[] DecodeRgb(byte[] png, out int width, out int height)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        width = 0;
        height = 0;
        using var idat = new MemoryStream();
        var offset = 8;
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                Assert.Equal(2, data[9]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            offset += 12 + length;
        }

        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var stride = width * 3;
        var bytes = raw.ToArray();
        Assert.Equal((stride + 1) * height, bytes.Length);
        var rgb = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, bytes[y * (stride + 1)]);
            bytes.AsSpan((y * (stride + 1)) + 1, stride).CopyTo(rgb.AsSpan(y * stride));
        }

        return rgb;
    }
}
