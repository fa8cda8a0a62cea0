using MultiTrust.Core.Randomness;

namespace MultiTrust.Sources.Official;

/// <summary>
/// The release's unrelated images (<c>unrelated_images/</c>, a flat folder whose file names contain <c>color</c>,
/// <c>nature</c> or <c>noise</c>). The reference draws one per sample with an unseeded <c>random.sample</c> from a
/// glob; here the pool is sorted by name and the draw is seeded by (run seed, task, sample key, kind, k), so a run is
/// reproducible and independent of the file system's listing order. Immutable and thread-safe.
/// </summary>
public sealed class UnrelatedImagePool
{
    /// <summary>The folder, relative to the data root.</summary>
    public const string Folder = "unrelated_images";

    /// <summary>The three kinds, in the protocol's order.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["color", "nature", "noise"];

    private readonly Dictionary<string, IReadOnlyList<string>> _byKind;

    private UnrelatedImagePool(Dictionary<string, IReadOnlyList<string>> byKind) => _byKind = byKind;

    /// <summary>Lists the pool under <paramref name="dataRoot"/>.</summary>
    public static UnrelatedImagePool Load(string dataRoot)
    {
        var files = OfficialPaths.SortedFiles(OfficialPaths.Combine(dataRoot, Folder));
        return new UnrelatedImagePool(Kinds.ToDictionary(
            k => k,
            k => (IReadOnlyList<string>)[.. files.Where(f => f.Contains(k, StringComparison.Ordinal))],
            StringComparer.Ordinal));
    }

    /// <summary>How many images of <paramref name="kind"/> the pool holds (0 for an unknown kind).</summary>
    public int CountOf(string kind) => _byKind.TryGetValue(kind, out var pool) ? pool.Count : 0;

    /// <summary>
    /// The relative path of the image drawn for (seed, task, key, kind, k). Throws naming the folder when the pool has
    /// no image of that kind.
    /// </summary>
    public string Draw(long seed, string taskId, string sampleKey, string kind, int k = 0)
    {
        if (!_byKind.TryGetValue(kind, out var pool))
        {
            throw new ArgumentException($"Unknown unrelated-image kind '{kind}' (known: {string.Join(", ", Kinds)}).", nameof(kind));
        }

        if (pool.Count == 0)
        {
            throw new AnnotationException(Folder, 0, $"has no image whose name contains '{kind}'");
        }

        var random = SeededRandom.ForStream(seed, $"unrelated/{taskId}/{sampleKey}/{kind}", k);
        return $"{Folder}/{pool[random.NextInt(pool.Count)]}";
    }
}
