using System.Collections.Concurrent;

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

    private readonly ConcurrentDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private long _bytes;
    private int _count; // ConcurrentDictionary.Count takes every lock: far too slow to ask on every write

    public void Add(string sha, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBlobBytes || !_blobs.TryAdd(sha, bytes.ToArray()))
        {
            return;
        }

        _order.Enqueue(sha);
        Interlocked.Add(ref _bytes, bytes.Length);
        Interlocked.Increment(ref _count);
        while ((Volatile.Read(ref _count) > maxCount || Interlocked.Read(ref _bytes) > maxBytes) && _order.TryDequeue(out var oldest))
        {
            if (_blobs.TryRemove(oldest, out var removed))
            {
                Interlocked.Add(ref _bytes, -removed.Length);
                Interlocked.Decrement(ref _count);
            }
        }
    }

    public byte[]? TryGet(string sha) => _blobs.TryGetValue(sha, out var bytes) ? bytes.ToArray() : null;
}
