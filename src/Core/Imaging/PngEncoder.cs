using System.Buffers.Binary;

namespace MultiTrust.Core.Imaging;

/// <summary>
/// Encodes 8-bit greyscale or RGB pixels as PNG with a self-contained DEFLATE implementation, so the bytes — and hence
/// the image hash, the sample id and shard assignment — are identical on every machine and runtime version. Thread-safe
/// (stateless).
/// </summary>
public static class PngEncoder
{
    /// <summary>Encodes tightly packed rows of <paramref name="width"/> × channels bytes.</summary>
    /// <param name="channels">1 (greyscale) or 3 (RGB).</param>
    /// <param name="compression"><see cref="PngCompression.Default"/> (the original bytes; keeps existing hashes) or
    /// <see cref="PngCompression.Fast"/> (for hot paths and noisy images).</param>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels, PngCompression compression = PngCompression.Default)
    {
        if (channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "PNG encoding supports 1 (grey) or 3 (RGB) channels.");
        }

        if (compression is not (PngCompression.Default or PngCompression.Fast))
        {
            throw new ArgumentOutOfRangeException(nameof(compression), compression, "Unknown PngCompression.");
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

        var zlib = new BitWriter(raw.Length + (raw.Length / 1024) + 64);
        zlib.Write(0x78 | (0x01 << 8), 16);
        DeflateEncoder.Compress(raw, channels, stride + 1, compression, zlib);
        zlib.AlignToByte();
        Span<byte> adler = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(adler, Adler32(raw));
        zlib.WriteBytes(adler);
        var idat = zlib.Written;

        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        var png = new byte[signature.Length + (12 + 13) + (12 + idat.Length) + 12];
        signature.CopyTo(png);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;
        header[9] = channels == 1 ? (byte)0 : (byte)2;
        header[10] = 0;
        header[11] = 0;
        header[12] = 0;
        var at = WriteChunk(png, signature.Length, "IHDR"u8, header);
        at = WriteChunk(png, at, "IDAT"u8, idat);
        WriteChunk(png, at, "IEND"u8, []);
        return png;
    }

    private static int WriteChunk(byte[] png, int at, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(at), data.Length);
        type.CopyTo(png.AsSpan(at + 4));
        data.CopyTo(png.AsSpan(at + 8));
        var crc = Crc32.Compute(png.AsSpan(at + 4, 4 + data.Length));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(at + 8 + data.Length), crc);
        return at + 12 + data.Length;
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
}
