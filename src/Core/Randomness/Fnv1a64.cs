namespace MultiTrust.Core.Randomness;

/// <summary>
/// The 64-bit FNV-1a hash, used to turn names and ids into seed material. <see cref="AppendChars"/> hashes UTF-16 code
/// units (one step per <see cref="char"/>), <see cref="AppendBytes"/> one step per byte: the two give different
/// values for the same text, so each caller keeps the variant its stored seeds were derived with.
/// </summary>
public static class Fnv1a64
{
    /// <summary>The FNV-1a 64-bit offset basis (the hash of nothing).</summary>
    public const ulong OffsetBasis = 14695981039346656037UL;

    /// <summary>The FNV 64-bit prime.</summary>
    public const ulong Prime = 1099511628211UL;

    /// <summary>Continues <paramref name="hash"/> over the UTF-16 code units of <paramref name="text"/>.</summary>
    public static ulong AppendChars(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    /// <summary>Continues <paramref name="hash"/> over <paramref name="bytes"/>.</summary>
    public static ulong AppendBytes(ulong hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }
}
