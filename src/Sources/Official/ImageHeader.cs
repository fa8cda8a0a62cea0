using System.Buffers.Binary;

namespace MultiTrust.Sources.Official;

/// <summary>
/// Media type and size read from an image file's header (PNG, JPEG, GIF, WebP, BMP), plus a cheap completeness check
/// (PNG ends with IEND, JPEG with EOI), without decoding pixels: enough to reject a truncated or corrupt file at load
/// time so that it becomes the sample's typed error row instead of bytes sent to a model.
/// </summary>
public static class ImageHeader
{
    private static readonly byte[] s_pngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Reads the header; false with a reason when the bytes are not a complete image of a known format.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out string mediaType, out int width, out int height, out string problem)
    {
        (mediaType, width, height, problem) = ("", 0, 0, "");
        if (bytes.Length >= 24 && bytes[..8].SequenceEqual(s_pngSignature))
        {
            mediaType = "image/png";
            width = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
            height = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]);
            if (bytes.Length < 12 || !bytes[^8..^4].SequenceEqual("IEND"u8))
            {
                problem = "PNG is truncated (no IEND chunk at the end)";
                return false;
            }
        }
        else if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            mediaType = "image/jpeg";
            if (!TryJpegSize(bytes, out width, out height))
            {
                problem = "JPEG has no frame header (SOF)";
                return false;
            }

            var end = bytes.Length;
            while (end > 2 && bytes[end - 1] is 0x00 or 0x0A or 0x0D or 0x20)
            {
                end--;
            }

            if (bytes[end - 2] != 0xFF || bytes[end - 1] != 0xD9)
            {
                problem = "JPEG is truncated (no end-of-image marker)";
                return false;
            }
        }
        else if (bytes.Length >= 10 && (bytes[..6].SequenceEqual("GIF87a"u8) || bytes[..6].SequenceEqual("GIF89a"u8)))
        {
            mediaType = "image/gif";
            width = BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]);
            height = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        }
        else if (bytes.Length >= 30 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            mediaType = "image/webp";
            if (!TryWebPSize(bytes, out width, out height))
            {
                problem = "WebP has no readable frame header";
                return false;
            }
        }
        else if (bytes.Length >= 26 && bytes[0] == (byte)'B' && bytes[1] == (byte)'M')
        {
            mediaType = "image/bmp";
            width = BinaryPrimitives.ReadInt32LittleEndian(bytes[18..]);
            height = Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(bytes[22..]));
        }
        else
        {
            problem = bytes.Length == 0 ? "the file is empty" : "not a PNG, JPEG, GIF, WebP or BMP image";
            return false;
        }

        if (width <= 0 || height <= 0)
        {
            problem = $"{mediaType} header has an invalid size {width}×{height}";
            return false;
        }

        return true;
    }

    private static bool TryJpegSize(ReadOnlySpan<byte> bytes, out int width, out int height)
    {
        (width, height) = (0, 0);
        var i = 2;
        while (i + 9 < bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                return false;
            }

            var marker = bytes[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                height = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 5)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 7)..]);
                return true;
            }

            i += 2 + length;
        }

        return false;
    }

    private static bool TryWebPSize(ReadOnlySpan<byte> bytes, out int width, out int height)
    {
        (width, height) = (0, 0);
        var chunk = bytes[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            width = 1 + (bytes[24] | bytes[25] << 8 | bytes[26] << 16);
            height = 1 + (bytes[27] | bytes[28] << 8 | bytes[29] << 16);
            return true;
        }

        if (chunk.SequenceEqual("VP8L"u8) && bytes.Length >= 25)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(bytes[21..]);
            width = (int)(bits & 0x3FFF) + 1;
            height = (int)((bits >> 14) & 0x3FFF) + 1;
            return true;
        }

        if (chunk.SequenceEqual("VP8 "u8) && bytes.Length >= 30)
        {
            width = BinaryPrimitives.ReadUInt16LittleEndian(bytes[26..]) & 0x3FFF;
            height = BinaryPrimitives.ReadUInt16LittleEndian(bytes[28..]) & 0x3FFF;
            return true;
        }

        return false;
    }
}
