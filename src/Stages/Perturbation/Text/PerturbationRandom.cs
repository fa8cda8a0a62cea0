using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Text;

/// <summary>
/// <see cref="SplitMix64"/> as a generator: a tiny fully specified PRNG whose sequence is the same on every runtime (unlike <see cref="Random"/>).
/// Not thread-safe; every perturbation call creates its own instance. Shared by the unrelated-image generators.
/// </summary>
internal sealed class PerturbationRandom
{
    private ulong _state;

    /// <param name="seed">The caller's seed.</param>
    /// <param name="stream">Separates the streams of different perturbations at the same seed.</param>
    public PerturbationRandom(ulong seed, string stream)
    {
        // FNV-1a of the stream name, so "typos" and "casing" at seed 1 draw unrelated sequences.
        _state = seed ^ Fnv1a64.AppendChars(Fnv1a64.OffsetBasis, stream);
    }

    public ulong NextUInt64() => SplitMix64.Next(ref _state);

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => RandomBits.ToUnitDouble(NextUInt64());

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>); the tiny modulo bias is irrelevant here and
    /// keeps the number of draws fixed (one), which the nested-severity design relies on.</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }
}
