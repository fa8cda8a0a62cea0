using MultiTrust.Core.Randomness;

namespace MultiTrust.Sources.Synthetic.Cases;

/// <summary>
/// A finite case space made of parts (templates), each with a fixed number of cases: case <c>c</c> of the whole space is
/// case <c>c − offset</c> of the part whose range it falls in. A generator visits the space through a
/// <see cref="SeededPermutation"/> of <see cref="Size"/>, so every case of every part comes once, in a seeded order, and
/// template frequencies follow part sizes (parts are capped to keep them comparable). Immutable and thread-safe.
/// </summary>
public sealed class CaseSpace
{
    private readonly long[] _ends;

    /// <summary>Builds the space from its parts in order.</summary>
    /// <exception cref="ArgumentException">No parts, or a part without cases or with more cases than its range.</exception>
    public CaseSpace(IReadOnlyList<CasePart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0 || parts.Any(p => p.Size <= 0 || p.Size > p.Range))
        {
            throw new ArgumentException("A case space needs at least one part, each with 1..Range cases.", nameof(parts));
        }

        Parts = [.. parts];
        _ends = new long[parts.Count];
        long end = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            end = checked(end + parts[i].Size);
            _ends[i] = end;
        }
    }

    /// <summary>The parts, in order.</summary>
    public IReadOnlyList<CasePart> Parts { get; }

    /// <summary>The number of cases over all parts.</summary>
    public long Size => _ends[^1];

    /// <summary>The part holding case <paramref name="index"/> and the index within that part.</summary>
    public (int Part, long Index) Locate(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        var part = Array.BinarySearch(_ends, index);
        part = part >= 0 ? part + 1 : ~part;
        return (part, index - (part == 0 ? 0 : _ends[part - 1]));
    }

    /// <summary>
    /// The part of case <paramref name="index"/> and the case within its range to decode: the located index itself, or
    /// for a capped part its image under the part's own seeded permutation of the range (so a cap keeps a spread-out
    /// selection rather than the low digits).
    /// </summary>
    public (int Part, long Case) Resolve(long index, long seed, string stream)
    {
        var (part, within) = Locate(index);
        var p = Parts[part];
        return (part, p.Size == p.Range ? within : new SeededPermutation(p.Range, seed, $"{stream}/{p.Name}")[within]);
    }
}
