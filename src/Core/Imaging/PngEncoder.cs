using System.Buffers.Binary;

namespace MultiTrust.Core.Imaging;

/// <summary>
/// Encodes 8-bit greyscale or RGB pixels as PNG with a self-contained DEFLATE implementation, so the bytes — and hence
/// the image hash, the sample id and shard assignment — are identical on every machine and runtime version. Thread-safe
/// (stateless).
/// </summary>
public static class PngEncoder
{
    private static readonly uint[] s_crcTable = BuildCrcTable();

    /// <summary>Encodes tightly packed rows of <paramref name="width"/> × channels bytes.</summary>
    /// <param name="channels">1 (greyscale) or 3 (RGB).</param>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels)
    {
        if (channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "PNG encoding supports 1 (grey) or 3 (RGB) channels.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var stride = width * channels;
        if (pixels.Length != stride * height)
        {
            throw new ArgumentException($"Expected {stride * height} pixel bytes for {width}x{height}x{channels}, got {pixels.Length}.", nameof(pixels));
        }

        // Filter type 0 (None) on every row: the LZ77 "previous pixel" and "pixel above" candidates do the work.
        var raw = new byte[(stride + 1) * height];
        for (var y = 0; y < height; y++)
        {
            pixels.Slice(y * stride, stride).CopyTo(raw.AsSpan((y * (stride + 1)) + 1));
        }

        var zlib = new MemoryStream();
        zlib.WriteByte(0x78);
        zlib.WriteByte(0x01);
        var bits = new BitWriter(zlib);
        DeflateEncoder.Compress(raw, channels, stride + 1, bits);
        bits.Flush();
        Span<byte> adler = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(adler, Adler32(raw));
        zlib.Write(adler);

        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;
        header[9] = channels == 1 ? (byte)0 : (byte)2;
        header[10] = 0;
        header[11] = 0;
        header[12] = 0;
        WriteChunk(png, "IHDR"u8, header);
        WriteChunk(png, "IDAT"u8, zlib.GetBuffer().AsSpan(0, (int)zlib.Length));
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void WriteChunk(MemoryStream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        png.Write(type);
        png.Write(data);
        var crc = Crc32(0xFFFFFFFFu, type);
        crc = Crc32(crc, data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        png.Write(word);
    }

    private static uint Crc32(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = s_crcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint Adler32(ReadOnlySpan<byte> data)
    {
        uint a = 1;
        uint b = 0;
        var i = 0;
        while (i < data.Length)
        {
            var end = Math.Min(data.Length, i + 5552);
            for (; i < end; i++)
            {
                a += data[i];
                b += a;
            }

            a %= 65521;
            b %= 65521;
        }

        return (b << 16) | a;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
