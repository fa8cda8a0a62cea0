using MultiTrust.Core.Randomness;

namespace MultiTrust.Sources.Randomness;

/// <summary>
/// A seeded bijection of [0, <see cref="Size"/>) onto itself, evaluated one index at a time in O(1) memory: a balanced
/// six-round Feistel network over the smallest even number of bits that holds the size, cycle-walked back into range
/// (on average fewer than four rounds of walking). Synthetic generators use it to visit an enumerated case space in a
/// seeded order without repeats: index <c>i</c> maps to a distinct case for every <c>i</c> below the size, whatever the
/// count asked for, so sample <c>i</c> depends only on (seed, stream, i). Only integer arithmetic and
/// <see cref="SplitMix64.Mix"/>, so the order is the same on every machine. Immutable and thread-safe.
/// </summary>
public sealed class FeistelPermutation
{
    private const int Rounds = 6;

    private readonly ulong[] _keys;
    private readonly int _halfBits;
    private readonly ulong _halfMask;

    private FeistelPermutation(long size, ulong[] keys)
    {
        Size = size;
        _keys = keys;
        var bits = 64 - ulong.LeadingZeroCount((ulong)Math.Max(1, size - 1));
        _halfBits = Math.Max(1, (int)((bits + 1) / 2));
        _halfMask = (1UL << _halfBits) - 1;
    }

    /// <summary>The number of indexes permuted.</summary>
    public long Size { get; }

    /// <summary>The permutation of [0, <paramref name="size"/>) for a named stream under a run seed.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not positive or is above 2^62.</exception>
    public static FeistelPermutation ForStream(long seed, string stream, long size)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (size is <= 0 or > (1L << 62))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "A permutation needs a size in 1..2^62.");
        }

        var rng = SeededRandom.ForStream(seed, stream + "/permutation", size);
        var keys = new ulong[Rounds];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = rng.NextUInt64();
        }

        return new FeistelPermutation(size, keys);
    }

    /// <summary>The image of <paramref name="index"/> (0 ≤ index &lt; <see cref="Size"/>).</summary>
    public long this[long index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
            var x = (ulong)index;
            do
            {
                x = Encrypt(x);
            }
            while (x >= (ulong)Size);

            return (long)x;
        }
    }

    private ulong Encrypt(ulong x)
    {
        var left = x >> _halfBits;
        var right = x & _halfMask;
        foreach (var key in _keys)
        {
            (left, right) = (right, left ^ (SplitMix64.Mix(right ^ key) & _halfMask));
        }

        return (left << _halfBits) | right;
    }
}
