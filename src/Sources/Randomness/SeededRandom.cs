using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MultiTrust.Sources.Randomness;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small, fully specified PRNG whose sequence is the same on every runtime
/// and machine (unlike <see cref="Random"/>, whose seeded sequence is an implementation detail). Not thread-safe; give
/// each sample its own instance with <see cref="ForStream"/>.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SeededRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>
    /// An independent generator for item <paramref name="index"/> of the named stream under a run seed, so that item
    /// <c>i</c> is the same whatever the count or order of generation (prefix-stable, shardable).
    /// </summary>
    public static SeededRandom ForStream(long seed, string stream, long index)
    {
        var text = Encoding.UTF8.GetBytes(stream);
        var buffer = new byte[16 + text.Length];
        BinaryPrimitives.WriteInt64LittleEndian(buffer, seed);
        BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(8), index);
        text.CopyTo(buffer, 16);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(buffer, digest);
        return new SeededRandom(BinaryPrimitives.ReadUInt64LittleEndian(digest));
    }

    public ulong NextUInt64()
    {
        var result = BitRotate(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitRotate(_s3, 45);
        return result;
    }

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias.</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var bound = (ulong)maxExclusive;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var r = NextUInt64();
            if (r >= threshold)
            {
                return (int)(r % bound);
            }
        }
    }

    /// <summary>Uniform integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int minInclusive, int maxExclusive) => minInclusive + NextInt(maxExclusive - minInclusive);

    public bool NextBool() => (NextUInt64() >> 63) == 1;

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public T Pick<T>(IReadOnlyList<T> items)
    {
        if (items.Count == 0)
        {
            throw new ArgumentException("Cannot pick from an empty list.", nameof(items));
        }

        return items[NextInt(items.Count)];
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong BitRotate(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
