using System.Text;

namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>Derives independent per-step seeds from a chain seed, the step's index and its perturbation name.</summary>
public static class SeedDerivation
{
    /// <summary>SplitMix64 over (seed, index, FNV-1a of the UTF-8 name); stable across machines and versions.</summary>
    public static ulong ForStep(ulong seed, int index, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameHash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            nameHash = (nameHash ^ b) * 0x100000001B3UL;
        }

        var state = seed;
        var mixed = SeededGenerator.SplitMix64(ref state);
        state = mixed ^ (ulong)(uint)index;
        mixed = SeededGenerator.SplitMix64(ref state);
        state = mixed ^ nameHash;
        return SeededGenerator.SplitMix64(ref state);
    }
}
