namespace MultiTrust.Core.Randomness;

/// <summary>
/// A seeded bijection of [0, <see cref="Size"/>) computed one index at a time: an indexed generator maps sample
/// <c>j</c> to combination <c>P(j)</c> of its templates and vocabularies, so samples look shuffled, never repeat below
/// the capacity, and need no table (a shuffled array of a million combinations would be rebuilt by every generator).
/// A four-round balanced Feistel network over the smallest even-bit power of two holding <see cref="Size"/>, with
/// cycle walking back into range (fewer than four rounds of walking on average). Round keys come from
/// <see cref="SeededRandom.ForStream"/>, so the order is fixed by (seed, stream) on every machine. Immutable and
/// thread-safe.
/// </summary>
public sealed class SeededPermutation
{
    private const int Rounds = 4;

    private readonly int _halfBits;
    private readonly ulong _halfMask;
    private readonly ulong[] _keys = new ulong[Rounds];

    /// <param name="size">The number of elements permuted (1 to 2^62).</param>
    /// <param name="seed">The run seed.</param>
    /// <param name="stream">Names the permutation (for example <c>r3-ood-text/items</c>).</param>
    public SeededPermutation(long size, long seed, string stream)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 1L << 62);
        ArgumentNullException.ThrowIfNull(stream);
        Size = size;
        var bits = 2;
        while (bits < 62 && (1L << bits) < size)
        {
            bits += 2;
        }

        _halfBits = bits / 2;
        _halfMask = (1UL << _halfBits) - 1;
        var random = SeededRandom.ForStream(seed, stream + "/permutation", 0);
        for (var i = 0; i < Rounds; i++)
        {
            _keys[i] = random.NextUInt64();
        }
    }

    /// <summary>The number of elements permuted.</summary>
    public long Size { get; }

    /// <summary>The image of <paramref name="index"/> (in [0, <see cref="Size"/>)).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, <see cref="Size"/>).</exception>
    public long this[long index]
    {
        get
        {
            if (index < 0 || index >= Size)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The permutation has {Size} elements.");
            }

            // Cycle walking: the Feistel network permutes the whole power-of-two domain, so following it from an
            // in-range index until it lands in range again stays a bijection of [0, Size).
            var value = (ulong)index;
            do
            {
                value = Encrypt(value);
            }
            while (value >= (ulong)Size);

            return (long)value;
        }
    }

    private ulong Encrypt(ulong value)
    {
        var left = value >> _halfBits;
        var right = value & _halfMask;
        foreach (var key in _keys)
        {
            (left, right) = (right, left ^ (SplitMix64.Mix(right ^ key) & _halfMask));
        }

        return (left << _halfBits) | right;
    }
}
