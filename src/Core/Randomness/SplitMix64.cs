namespace MultiTrust.Core.Randomness;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit counter advanced by the golden-ratio increment and passed through
/// a fixed mixing function. Fully specified, so a seeded sequence is the same on every runtime and machine (unlike
/// <see cref="Random"/>). Used directly as a small generator and to seed <see cref="Xoshiro256StarStar"/>. Stateless;
/// the caller owns the state.
/// </summary>
public static class SplitMix64
{
    /// <summary>The increment added to the state before each output (2^64 / φ, odd).</summary>
    public const ulong Increment = 0x9E3779B97F4A7C15UL;

    /// <summary>Advances <paramref name="state"/> by <see cref="Increment"/> and returns the mixed new state.</summary>
    public static ulong Next(ref ulong state)
    {
        state += Increment;
        return Mix(state);
    }

    /// <summary>The SplitMix64 output function (a bijective 64-bit finalizer) applied to <paramref name="z"/>.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
