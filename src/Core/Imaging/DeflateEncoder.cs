namespace MultiTrust.Core.Imaging;

/// <summary>
/// A small, fully specified DEFLATE compressor (RFC 1951): greedy LZ77 over a one-entry hash table plus the
/// "previous pixel" and "pixel above" candidates, emitted as a single fixed-Huffman block. Its output depends on the
/// input bytes only, never on the CPU, the runtime's zlib build or its version — which is what makes generated PNGs
/// byte-identical on every machine. Synthetic images (flat colour, text) compress well with it.
/// </summary>
internal static class DeflateEncoder
{
    private const int MinMatch = 3;
    private const int MaxMatch = 258;
    private const int Window = 32768;
    private const int HashBits = 15;
    private const int MaxInsertLength = 16;

    private static readonly int[] s_lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    private static readonly int[] s_lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    private static readonly int[] s_distBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    private static readonly int[] s_distExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

    /// <summary>Compresses <paramref name="data"/> into raw DEFLATE, appending to <paramref name="output"/>.</summary>
    /// <param name="pixelDistance">Bytes per pixel: the "same as previous pixel" match candidate.</param>
    /// <param name="rowDistance">Bytes per scanline (including the filter byte): the "pixel above" candidate.</param>
    public static void Compress(ReadOnlySpan<byte> data, int pixelDistance, int rowDistance, BitWriter output)
    {
        output.Write(1, 1); // BFINAL
        output.Write(1, 2); // BTYPE = 01, fixed Huffman
        var head = new int[1 << HashBits];
        Array.Fill(head, -1);
        var pos = 0;
        while (pos < data.Length)
        {
            var bestLength = 0;
            var bestDistance = 0;
            var remaining = Math.Min(MaxMatch, data.Length - pos);
            if (remaining >= MinMatch)
            {
                var hash = Hash(data, pos);
                Consider(data, pos, remaining, pixelDistance, ref bestLength, ref bestDistance);
                Consider(data, pos, remaining, rowDistance, ref bestLength, ref bestDistance);
                var candidate = head[hash];
                if (candidate >= 0)
                {
                    Consider(data, pos, remaining, pos - candidate, ref bestLength, ref bestDistance);
                }

                head[hash] = pos;
            }

            if (bestLength >= MinMatch)
            {
                WriteLength(output, bestLength);
                WriteDistance(output, bestDistance);
                var end = pos + bestLength;
                if (bestLength <= MaxInsertLength)
                {
                    // Like zlib's fast levels: index the inside of short matches only; long runs are flat regions
                    // that the pixel and row candidates already cover.
                    for (var p = pos + 1; p < end && p + MinMatch <= data.Length; p++)
                    {
                        head[Hash(data, p)] = p;
                    }
                }

                pos = end;
            }
            else
            {
                WriteLiteral(output, data[pos]);
                pos++;
            }
        }

        WriteSymbol(output, 256);
    }

    private static void Consider(ReadOnlySpan<byte> data, int pos, int remaining, int distance, ref int bestLength, ref int bestDistance)
    {
        if (distance <= 0 || distance > Window || distance > pos)
        {
            return;
        }

        var length = data.Slice(pos, remaining).CommonPrefixLength(data.Slice(pos - distance, remaining));
        if (length > bestLength)
        {
            bestLength = length;
            bestDistance = distance;
        }
    }

    private static int Hash(ReadOnlySpan<byte> data, int pos)
    {
        var v = (uint)(data[pos] | (data[pos + 1] << 8) | (data[pos + 2] << 16));
        return (int)((v * 2654435761u) >> (32 - HashBits));
    }

    private static void WriteLiteral(BitWriter output, byte value) => WriteSymbol(output, value);

    private static void WriteLength(BitWriter output, int length)
    {
        var code = s_lengthBase.Length - 1;
        while (s_lengthBase[code] > length)
        {
            code--;
        }

        WriteSymbol(output, 257 + code);
        if (s_lengthExtra[code] > 0)
        {
            output.Write((uint)(length - s_lengthBase[code]), s_lengthExtra[code]);
        }
    }

    private static void WriteDistance(BitWriter output, int distance)
    {
        var code = s_distBase.Length - 1;
        while (s_distBase[code] > distance)
        {
            code--;
        }

        output.WriteReversed((uint)code, 5);
        if (s_distExtra[code] > 0)
        {
            output.Write((uint)(distance - s_distBase[code]), s_distExtra[code]);
        }
    }

    private static void WriteSymbol(BitWriter output, int symbol)
    {
        switch (symbol)
        {
            case < 144:
                output.WriteReversed((uint)(0x30 + symbol), 8);
                break;
            case < 256:
                output.WriteReversed((uint)(0x190 + symbol - 144), 9);
                break;
            case < 280:
                output.WriteReversed((uint)(symbol - 256), 7);
                break;
            default:
                output.WriteReversed((uint)(0xC0 + symbol - 280), 8);
                break;
        }
    }
}
