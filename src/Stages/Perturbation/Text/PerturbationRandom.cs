namespace MultiTrust.Stages.Perturbation.Text;

/// <summary>
/// SplitMix64: a tiny fully specified PRNG whose sequence is the same on every runtime (unlike <see cref="Random"/>).
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
        var salt = 14695981039346656037UL;
        foreach (var c in stream)
        {
            salt = (salt ^ c) * 1099511628211UL;
        }

        _state = seed ^ salt;
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>); the tiny modulo bias is irrelevant here and
    /// keeps the number of draws fixed (one), which the nested-severity design relies on.</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }
}
