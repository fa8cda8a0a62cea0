using System.Numerics;
using System.Runtime.CompilerServices;

namespace MultiTrust.Core.Imaging;

/// <summary>
/// The fixed Huffman code of DEFLATE (RFC 1951 §3.2.6) as precomputed bit strings, already reversed for the LSB-first
/// <see cref="BitWriter"/>: a literal, and a match (length code + extra bits, distance code + extra bits).
/// </summary>
internal static class FixedHuffman
{
    public const int EndOfBlock = 256;

    private static readonly int[] s_lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    private static readonly int[] s_lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    private static readonly int[] s_distBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];

    private static readonly (uint[] Code, byte[] Bits) s_symbols = BuildSymbols();
    private static readonly (uint[] Code, byte[] Bits) s_lengths = BuildLengths(); // after s_symbols: uses it
    private static readonly uint[] s_distCode = Enumerable.Range(0, 30).Select(code => Reverse((uint)code, 5)).ToArray();

    /// <summary>Bits of a literal byte (8 or 9).</summary>
    public static int LiteralBits(byte value) => value < 144 ? 8 : 9;

    /// <summary>Bits of a match of <paramref name="length"/> (3–258) at <paramref name="distance"/> (1–32768).</summary>
    public static int MatchBits(int length, int distance) => s_lengths.Bits[length] + 5 + DistanceExtra(DistanceCode(distance));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteSymbol(BitWriter output, int symbol) => output.Write(s_symbols.Code[symbol], s_symbols.Bits[symbol]);

    public static void WriteMatch(BitWriter output, int length, int distance)
    {
        output.Write(s_lengths.Code[length], s_lengths.Bits[length]);
        var code = DistanceCode(distance);
        var extra = DistanceExtra(code);
        output.Write(s_distCode[code] | ((uint)(distance - s_distBase[code]) << 5), 5 + extra);
    }

    private static int DistanceCode(int distance)
    {
        if (distance <= 4)
        {
            return distance - 1;
        }

        var d = (uint)(distance - 1);
        var log = BitOperations.Log2(d);
        return (2 * log) + (int)((d >> (log - 1)) & 1);
    }

    private static int DistanceExtra(int code) => code < 4 ? 0 : (code / 2) - 1;

    private static (uint[] Code, byte[] Bits) BuildSymbols()
    {
        var codes = new uint[288];
        var lengths = new byte[288];
        for (var symbol = 0; symbol < 288; symbol++)
        {
            var (code, bits) = symbol switch
            {
                < 144 => (0x30 + symbol, 8),
                < 256 => (0x190 + symbol - 144, 9),
                < 280 => (symbol - 256, 7),
                _ => (0xC0 + symbol - 280, 8),
            };
            codes[symbol] = Reverse((uint)code, bits);
            lengths[symbol] = (byte)bits;
        }

        return (codes, lengths);
    }

    // Length code and its extra bits as one bit string per match length 3..258.
    private static (uint[] Code, byte[] Bits) BuildLengths()
    {
        var codes = new uint[259];
        var lengths = new byte[259];
        for (var length = 3; length <= 258; length++)
        {
            var code = s_lengthBase.Length - 1;
            while (s_lengthBase[code] > length)
            {
                code--;
            }

            var symbol = 257 + code;
            codes[length] = s_symbols.Code[symbol] | ((uint)(length - s_lengthBase[code]) << s_symbols.Bits[symbol]);
            lengths[length] = (byte)(s_symbols.Bits[symbol] + s_lengthExtra[code]);
        }

        return (codes, lengths);
    }

    private static uint Reverse(uint code, int bits)
    {
        uint reversed = 0;
        for (var i = 0; i < bits; i++)
        {
            reversed = (reversed << 1) | ((code >> i) & 1);
        }

        return reversed;
    }
}
