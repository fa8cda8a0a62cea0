using System.Buffers;
using System.Runtime.CompilerServices;

namespace MultiTrust.Core.Imaging;

/// <summary>
/// A small, fully specified DEFLATE compressor (RFC 1951): greedy LZ77 over a one-entry hash table plus the
/// "previous pixel" and "pixel above" candidates, with the fixed Huffman code. Its output depends on the input bytes
/// (and the <see cref="PngCompression"/>) only, never on the CPU, the runtime's zlib build or its version — which is
/// what makes generated PNGs byte-identical on every machine. <see cref="PngCompression.Default"/> emits one fixed
/// block; <see cref="PngCompression.Fast"/> emits a block per <see cref="BlockSize"/> bytes and stores a block
/// verbatim as soon as LZ77 does not save at least 1/8 of it; <see cref="PngCompression.Runs"/> is Default without the
/// hash table (previous-pixel and pixel-above candidates only). Working arrays come from the shared pool.
/// </summary>
internal static class DeflateEncoder
{
    /// <summary>Input bytes per block in <see cref="PngCompression.Fast"/> (a stored block holds at most 65535).</summary>
    public const int BlockSize = 16384;

    private const int ProbeBytes = 1024;
    private const int MinMatch = 3;
    private const int MaxMatch = 258;
    private const int Window = 32768;
    private const int HashBits = 15;
    private const int MaxInsertLength = 16;

    /// <summary>Compresses <paramref name="data"/> into raw DEFLATE, appending to <paramref name="output"/>.</summary>
    /// <param name="pixelDistance">Bytes per pixel: the "same as previous pixel" match candidate.</param>
    /// <param name="rowDistance">Bytes per scanline (including the filter byte): the "pixel above" candidate.</param>
    public static void Compress(ReadOnlySpan<byte> data, int pixelDistance, int rowDistance, PngCompression compression, BitWriter output)
    {
        var tokens = ArrayPool<int>.Shared.Rent(BlockSize + MaxMatch);
        var head = compression == PngCompression.Runs ? null : ArrayPool<int>.Shared.Rent(1 << HashBits);
        try
        {
            head?.AsSpan(0, 1 << HashBits).Fill(-1);
            var matcher = new Matcher(pixelDistance, rowDistance, head, tokens);
            if (compression == PngCompression.Fast)
            {
                CompressBlocks(data, matcher, tokens, output);
                return;
            }

            output.Write(1, 1); // BFINAL
            output.Write(1, 2); // BTYPE = 01, fixed Huffman
            var pos = 0;
            while (pos < data.Length)
            {
                // Matches may run past the batch end (limit = data end), exactly as one unbatched pass would.
                pos = matcher.Tokenize(data, pos, Math.Min(data.Length, pos + BlockSize), data.Length, bail: false, out var count);
                Emit(output, tokens.AsSpan(0, count));
            }

            FixedHuffman.WriteSymbol(output, FixedHuffman.EndOfBlock);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(tokens);
            if (head is not null)
            {
                ArrayPool<int>.Shared.Return(head);
            }
        }
    }

    private static void CompressBlocks(ReadOnlySpan<byte> data, Matcher matcher, int[] tokens, BitWriter output)
    {
        for (var start = 0; start < data.Length; start += BlockSize)
        {
            var end = Math.Min(data.Length, start + BlockSize);
            var final = end == data.Length ? 1u : 0u;
            if (matcher.Tokenize(data, start, end, end, bail: true, out var count) < 0)
            {
                output.Write(final, 1);
                output.Write(0, 2); // BTYPE = 00, stored
                output.AlignToByte();
                var length = (uint)(end - start);
                output.Write(length | ((~length & 0xFFFF) << 16), 32); // LEN, NLEN
                output.WriteBytes(data[start..end]);
            }
            else
            {
                output.Write(final, 1);
                output.Write(1, 2);
                Emit(output, tokens.AsSpan(0, count));
                FixedHuffman.WriteSymbol(output, FixedHuffman.EndOfBlock);
            }
        }
    }

    // A token is a literal byte (< 256) or (length << 16) | distance.
    private static void Emit(BitWriter output, ReadOnlySpan<int> tokens)
    {
        foreach (var token in tokens)
        {
            if (token < 256)
            {
                FixedHuffman.WriteSymbol(output, token);
            }
            else
            {
                FixedHuffman.WriteMatch(output, token >> 16, token & 0xFFFF);
            }
        }
    }

    // head is null for PngCompression.Runs: no hash candidate.
    private readonly struct Matcher(int pixelDistance, int rowDistance, int[]? head, int[] tokens)
    {
        /// <summary>Tokenizes from <paramref name="start"/> until at least <paramref name="end"/>, matches reaching no
        /// further than <paramref name="limit"/>. Returns the position reached, or -1 when <paramref name="bail"/> is
        /// set and the fixed-Huffman code does not save at least 1/8 of the raw bits at a probe point (every
        /// <see cref="ProbeBytes"/>) or at the end: a small saving is not worth the LZ77 time on a hot path.</summary>
        public int Tokenize(ReadOnlySpan<byte> data, int start, int end, int limit, bool bail, out int count)
        {
            count = 0;
            long bits = 0;
            var nextProbe = start + ProbeBytes;
            var pos = start;
            while (pos < end)
            {
                var bestLength = 0;
                var bestDistance = 0;
                var remaining = Math.Min(MaxMatch, limit - pos);
                if (remaining >= MinMatch)
                {
                    Consider(data, pos, remaining, pixelDistance, ref bestLength, ref bestDistance);
                    Consider(data, pos, remaining, rowDistance, ref bestLength, ref bestDistance);
                    if (head is not null)
                    {
                        var hash = Hash(data, pos);
                        var candidate = head[hash];
                        if (candidate >= 0)
                        {
                            Consider(data, pos, remaining, pos - candidate, ref bestLength, ref bestDistance);
                        }

                        head[hash] = pos;
                    }
                }

                if (bestLength >= MinMatch)
                {
                    tokens[count++] = (bestLength << 16) | bestDistance;
                    bits += FixedHuffman.MatchBits(bestLength, bestDistance);
                    var matchEnd = pos + bestLength;
                    if (head is not null && bestLength <= MaxInsertLength)
                    {
                        // Like zlib's fast levels: index the inside of short matches only; long runs are flat regions
                        // that the pixel and row candidates already cover.
                        for (var p = pos + 1; p < matchEnd && p + MinMatch <= data.Length; p++)
                        {
                            head[Hash(data, p)] = p;
                        }
                    }

                    pos = matchEnd;
                }
                else
                {
                    tokens[count++] = data[pos];
                    bits += FixedHuffman.LiteralBits(data[pos]);
                    pos++;
                }

                if (bail && (pos >= nextProbe || pos >= end))
                {
                    if (bits > 7L * (pos - start))
                    {
                        return -1;
                    }

                    nextProbe += ProbeBytes;
                }
            }

            return pos;
        }

        // Only candidates of length >= MinMatch can win, so shorter ones are rejected on their first three bytes
        // (which leaves the chosen match, and so the output, unchanged).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Consider(ReadOnlySpan<byte> data, int pos, int remaining, int distance, ref int bestLength, ref int bestDistance)
        {
            if (distance <= 0 || distance > Window || distance > pos)
            {
                return;
            }

            var from = pos - distance;
            if (data[from] != data[pos] || data[from + 1] != data[pos + 1] || data[from + 2] != data[pos + 2]
                || (bestLength >= MinMatch && (bestLength >= remaining || data[from + bestLength] != data[pos + bestLength])))
            {
                return;
            }

            var length = data.Slice(pos, remaining).CommonPrefixLength(data.Slice(from, remaining));
            if (length > bestLength)
            {
                bestLength = length;
                bestDistance = distance;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Hash(ReadOnlySpan<byte> data, int pos)
        {
            var v = (uint)(data[pos] | (data[pos + 1] << 8) | (data[pos + 2] << 16));
            return (int)((v * 2654435761u) >> (32 - HashBits));
        }
    }
}
