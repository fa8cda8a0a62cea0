using System.Text;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Core.Randomness;

/// <summary>Derives independent per-step seeds from a chain seed, the step's index and its perturbation name.</summary>
public static class SeedDerivation
{
    /// <summary>SplitMix64 over (seed, index, FNV-1a of the UTF-8 name); stable across machines and versions.</summary>
    public static ulong ForStep(ulong seed, int index, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameHash = Fnv1a64.AppendBytes(Fnv1a64.OffsetBasis, Encoding.UTF8.GetBytes(name));

        var state = seed;
        var mixed = SplitMix64.Next(ref state);
        state = mixed ^ (ulong)(uint)index;
        mixed = SplitMix64.Next(ref state);
        state = mixed ^ nameHash;
        return SplitMix64.Next(ref state);
    }
}
