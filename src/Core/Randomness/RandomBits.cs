namespace MultiTrust.Core.Randomness;

/// <summary>Conversions of raw 64-bit generator outputs, shared by every seeded generator so they scale alike.</summary>
public static class RandomBits
{
    /// <summary>Uniform double in [0, 1): the top 53 bits of <paramref name="bits"/> times 2^-53.</summary>
    public static double ToUnitDouble(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));
}
