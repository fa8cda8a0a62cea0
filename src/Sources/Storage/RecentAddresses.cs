using System.Collections.Concurrent;

namespace MultiTrust.Sources.Storage;

/// <summary>
/// The addresses of the last images a store appended, by SHA-256 (first in, first out, at most a fixed count), so the
/// same image stored twice within a stretch of the run is written once while memory stays flat over millions of images.
/// Thread-safe; the bound holds approximately under concurrent adds.
/// </summary>
internal sealed class RecentAddresses(int capacity)
{
    private readonly ConcurrentDictionary<string, string> _addresses = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private int _count;

    public string? Find(string sha) => _addresses.TryGetValue(sha, out var address) ? address : null;

    public void Add(string sha, string address)
    {
        if (!_addresses.TryAdd(sha, address))
        {
            return;
        }

        _order.Enqueue(sha);
        if (Interlocked.Increment(ref _count) > capacity && _order.TryDequeue(out var oldest) && _addresses.TryRemove(oldest, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
