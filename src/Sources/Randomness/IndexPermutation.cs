using MultiTrust.Core.Randomness;

namespace MultiTrust.Sources.Randomness;

/// <summary>
/// A seeded bijection of [0, <see cref="Size"/>) that maps one index without materialising the others, so generator
/// sample <c>i</c> can take the <c>i</c>-th element of a shuffled space of millions and two indexes never get the same
/// element: a four-round Feistel network over the smallest power of four at least <see cref="Size"/> (round function:
/// <see cref="SplitMix64.Mix"/> of the half and a round key), cycle-walked back into range (fewer than four steps on
/// average). Fully specified integer arithmetic, so the same on every machine. Immutable and thread-safe.
/// </summary>
public sealed class IndexPermutation
{
    private const int Rounds = 4;

    private readonly ulong[] _keys = new ulong[Rounds];
    private readonly int _halfBits;
    private readonly ulong _halfMask;

    /// <param name="size">Number of elements, at least 1 and below 2^62.</param>
    /// <param name="rng">Draws the round keys (for example <see cref="SeededRandom.ForStream"/> of the space's name).</param>
    public IndexPermutation(long size, SeededRandom rng)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(size, 1L << 62);
        ArgumentNullException.ThrowIfNull(rng);
        Size = size;
        var bits = 64 - long.LeadingZeroCount(size - 1);
        _halfBits = Math.Max(1, (int)((bits + 1) / 2));
        _halfMask = (1UL << _halfBits) - 1;
        for (var r = 0; r < Rounds; r++)
        {
            _keys[r] = rng.NextUInt64();
        }
    }

    public long Size { get; }

    /// <summary>The element at <paramref name="index"/> (0 ≤ index &lt; <see cref="Size"/>).</summary>
    public long Map(long index)
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
