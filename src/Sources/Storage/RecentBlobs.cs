namespace MultiTrust.Sources.Storage;

/// <summary>
/// The last blobs a <see cref="FileBlobStore"/> wrote, kept in memory (first in, first out, bounded by count and bytes)
/// so that the read that usually follows a write — a generated image sent to the model a moment later — costs no file
/// open, read and hash. The bytes were hashed when they were stored; reads get a copy. Thread-safe; the bounds hold
/// approximately under concurrent writes.
/// </summary>
internal sealed class RecentBlobs(int maxCount, long maxBytes)
{
    /// <summary>Blobs larger than this are never kept (a few would crowd out many small ones).</summary>
    public const int MaxBlobBytes = 64 * 1024;

    private readonly RecentMap<byte[]> _blobs = new(maxCount, maxBytes, bytes => bytes.Length);

    public void Add(string sha, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= MaxBlobBytes && _blobs.Find(sha) is null)
        {
            _blobs.Add(sha, bytes.ToArray());
        }
    }

    public byte[]? TryGet(string sha) => _blobs.Find(sha)?.ToArray();
}
