using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace MultiTrust.Core.Imaging;

/// <summary>
/// Encodes 8-bit greyscale, RGB or palette-indexed pixels as PNG with a self-contained DEFLATE implementation, so the
/// bytes — and hence the image hash, the sample id and shard assignment — are identical on every machine and runtime
/// version. Thread-safe (stateless; working buffers come from the shared array pool).
/// </summary>
public static class PngEncoder
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes tightly packed rows of <paramref name="width"/> × channels bytes.</summary>
    /// <param name="channels">1 (greyscale) or 3 (RGB).</param>
    /// <param name="compression"><see cref="PngCompression.Default"/> (the original bytes; keeps existing hashes),
    /// <see cref="PngCompression.Fast"/> (for hot paths and noisy images) or <see cref="PngCompression.Runs"/> (flat
    /// synthetic images).</param>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels, PngCompression compression = PngCompression.Default)
    {
        if (channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "PNG encoding supports 1 (grey) or 3 (RGB) channels.");
        }

        Validate(pixels, width, height, channels, compression);
        return Write(pixels, width, height, channels, channels == 1 ? (byte)0 : (byte)2, [], compression);
    }

    /// <summary>
    /// Encodes one palette index per pixel (PNG colour type 3, bit depth 8) with the palette's RGB triples: for images
    /// drawn from a few exact colours this is a third of the RGB scanline bytes to compress and checksum.
    /// </summary>
    /// <param name="indexes">Tightly packed rows of <paramref name="width"/> indexes, each below the palette size.</param>
    /// <param name="paletteRgb">1–256 colours as R, G, B bytes.</param>
    /// <param name="compression">As for <see cref="Encode"/>; <see cref="PngCompression.Runs"/> suits flat images.</param>
    public static byte[] EncodeIndexed(
        ReadOnlySpan<byte> indexes, int width, int height, ReadOnlySpan<byte> paletteRgb, PngCompression compression = PngCompression.Default)
    {
        if (paletteRgb.Length is 0 or > 768 || paletteRgb.Length % 3 != 0)
        {
            throw new ArgumentException($"A PNG palette holds 1 to 256 RGB colours (3 to 768 bytes, a multiple of 3), got {paletteRgb.Length} bytes.", nameof(paletteRgb));
        }

        Validate(indexes, width, height, 1, compression);
        var colours = paletteRgb.Length / 3;
        if (colours < 256 && indexes.IndexOfAnyInRange((byte)colours, (byte)255) is var at and >= 0)
        {
            throw new ArgumentException($"Pixel {at % width},{at / width} has palette index {indexes[at]}, but the palette holds {colours} colours.", nameof(indexes));
        }

        return Write(indexes, width, height, 1, 3, paletteRgb, compression);
    }

    private static void Validate(ReadOnlySpan<byte> pixels, int width, int height, int channels, PngCompression compression)
    {
        if (compression is not (PngCompression.Default or PngCompression.Fast or PngCompression.Runs))
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
    }

    private static byte[] Write(
        ReadOnlySpan<byte> pixels, int width, int height, int channels, byte colourType, ReadOnlySpan<byte> palette, PngCompression compression)
    {
        // Filter type 0 (None) on every row: the LZ77 "previous pixel" and "pixel above" candidates do the work.
        var stride = width * channels;
        var rawLength = (stride + 1) * height;
        var rented = ArrayPool<byte>.Shared.Rent(rawLength);
        try
        {
            var raw = rented.AsSpan(0, rawLength);
            for (var y = 0; y < height; y++)
            {
                raw[y * (stride + 1)] = 0;
                pixels.Slice(y * stride, stride).CopyTo(raw[((y * (stride + 1)) + 1)..]);
            }

            using var zlib = new BitWriter(rawLength + (rawLength / 1024) + 64);
            zlib.Write(0x78 | (0x01 << 8), 16);
            DeflateEncoder.Compress(raw, channels, stride + 1, compression, zlib);
            zlib.AlignToByte();
            Span<byte> adler = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(adler, Adler32.HashToUInt32(raw));
            zlib.WriteBytes(adler);
            var idat = zlib.Written;

            var paletteChunk = palette.IsEmpty ? 0 : 12 + palette.Length;
            var png = new byte[Signature.Length + (12 + 13) + paletteChunk + (12 + idat.Length) + 12];
            Signature.CopyTo(png);
            Span<byte> header = stackalloc byte[13];
            BinaryPrimitives.WriteInt32BigEndian(header, width);
            BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
            header[8] = 8;
            header[9] = colourType;
            header[10] = 0;
            header[11] = 0;
            header[12] = 0;
            var at = WriteChunk(png, Signature.Length, "IHDR"u8, header);
            if (!palette.IsEmpty)
            {
                at = WriteChunk(png, at, "PLTE"u8, palette);
            }

            at = WriteChunk(png, at, "IDAT"u8, idat);
            WriteChunk(png, at, "IEND"u8, []);
            return png;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int WriteChunk(byte[] png, int at, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(at), data.Length);
        type.CopyTo(png.AsSpan(at + 4));
        data.CopyTo(png.AsSpan(at + 8));
        var crc = Crc32.HashToUInt32(png.AsSpan(at + 4, 4 + data.Length));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(at + 8 + data.Length), crc);
        return at + 12 + data.Length;
    }
}
