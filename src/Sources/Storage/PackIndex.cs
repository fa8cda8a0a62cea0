using System.Buffers.Binary;
using MultiTrust.Core.Storage;

namespace MultiTrust.Sources.Storage;

/// <summary>
/// The images in the packs a store found when it opened (earlier runs, attempts and shards in the same output folder),
/// held compactly: the first 8 bytes of each SHA-256, its pack and its offset (20 bytes an image, sorted for binary
/// search). A match on the 8 bytes is confirmed by reading the record's header, so a shared prefix never returns
/// another image. Immutable once built; thread-safe.
/// </summary>
internal sealed class PackIndex
{
    private readonly ulong[] _prefixes;
    private readonly int[] _packs;
    private readonly long[] _offsets;
    private readonly string[] _packPaths;

    private PackIndex(ulong[] prefixes, int[] packs, long[] offsets, string[] packPaths) =>
        (_prefixes, _packs, _offsets, _packPaths) = (prefixes, packs, offsets, packPaths);

    /// <summary>The packs that were indexed (each must be flushed before a commit relies on an image found in it).</summary>
    public IReadOnlyList<string> PackPaths => _packPaths;

    public int Count => _prefixes.Length;

    /// <summary>Reads the record headers of every pack in <paramref name="packRoot"/>; an unreadable pack is left out.</summary>
    public static PackIndex Build(string packRoot)
    {
        if (!Directory.Exists(packRoot))
        {
            return new PackIndex([], [], [], []);
        }

        var paths = new List<string>();
        var entries = new List<(ulong Prefix, int Pack, long Offset)>();
        foreach (var pack in Directory.EnumerateFiles(packRoot, "*" + BlobPack.Extension).Order(StringComparer.Ordinal))
        {
            var found = new List<(ulong, int, long)>();
            try
            {
                foreach (var entry in BlobPack.Scan(pack))
                {
                    found.Add((ulong.Parse(entry.Sha256.AsSpan(0, 16), System.Globalization.NumberStyles.AllowHexSpecifier), paths.Count, entry.Offset));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // an unreadable pack only costs deduplication: its images are stored again
            }

            paths.Add(pack);
            entries.AddRange(found);
        }

        entries.Sort((a, b) => a.Prefix.CompareTo(b.Prefix));
        return new PackIndex(
            [.. entries.Select(e => e.Prefix)], [.. entries.Select(e => e.Pack)], [.. entries.Select(e => e.Offset)], [.. paths]);
    }

    /// <summary>The address of the image with this SHA-256 (32 bytes), or null when no indexed pack holds it.</summary>
    public string? Find(ReadOnlySpan<byte> sha256)
    {
        if (_prefixes.Length == 0)
        {
            return null;
        }

        var prefix = BinaryPrimitives.ReadUInt64BigEndian(sha256);
        var at = LowerBound(prefix);
        Span<byte> header = stackalloc byte[BlobPack.HeaderBytes];
        for (; at < _prefixes.Length && _prefixes[at] == prefix; at++)
        {
            var pack = _packPaths[_packs[at]];
            try
            {
                using var handle = File.OpenHandle(pack, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                if (RandomAccess.Read(handle, header, _offsets[at]) == BlobPack.HeaderBytes && header.Slice(12, 32).SequenceEqual(sha256))
                {
                    return BlobPack.Address(pack, _offsets[at]);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The pack went away since it was indexed: the image is stored again.
            }
        }

        return null;
    }

    private int LowerBound(ulong prefix)
    {
        var (low, high) = (0, _prefixes.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_prefixes[middle] < prefix)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
