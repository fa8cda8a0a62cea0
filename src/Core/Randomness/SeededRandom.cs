using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MultiTrust.Core.Randomness;

/// <summary>
/// The project's one seeded generator, used by synthetic sources, text and image perturbations and unrelated images:
/// xoshiro256** seeded through SplitMix64 (<see cref="Xoshiro256StarStar"/>), a small, fully specified PRNG whose
/// sequence is the same on every runtime and machine (unlike <see cref="Random"/>, whose seeded sequence is an
/// implementation detail), with one integer draw method (unbiased, by rejection), picks and shuffles. A rejection
/// happens with probability below <c>maxExclusive / 2^64</c> and does not depend on how the result is used, so callers
/// that draw the same calls whatever the outcome (nested perturbation severities) stay nested. Not thread-safe; give
/// each sample or call its own instance with <see cref="ForStream"/>, or with the constructor from a seed that is
/// already derived (<see cref="SeedDerivation"/>).
/// </summary>
public sealed class SeededRandom
{
    private Xoshiro256StarStar _generator;

    /// <summary>A generator seeded with <paramref name="seed"/> as is (through SplitMix64 into the xoshiro state).</summary>
    public SeededRandom(ulong seed)
    {
        _generator = new Xoshiro256StarStar(seed);
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

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64() => _generator.NextUInt64();

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

    /// <summary>A fair coin: the top bit of one draw.</summary>
    public bool NextBool() => (NextUInt64() >> 63) == 1;

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => _generator.NextDouble();

    /// <summary>A uniformly chosen element of <paramref name="items"/> (one <see cref="NextInt(int)"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="items"/> is empty.</exception>
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
}
