using System.Collections.Concurrent;

namespace MultiTrust.Sources.Storage;

/// <summary>
/// The last entries added, by key, first in first out, bounded by count and by a total weight (for example bytes), so
/// a store can remember what it just did while its memory stays flat over millions of entries. Thread-safe; the bounds
/// hold approximately under concurrent adds. Adding a key already present changes nothing.
/// </summary>
internal sealed class RecentMap<TValue>(int maxCount, long maxWeight = long.MaxValue, Func<TValue, long>? weightOf = null)
    where TValue : class
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private long _weight;
    private int _count; // ConcurrentDictionary.Count takes every lock: far too slow to ask on every add

    public TValue? Find(string key) => _entries.TryGetValue(key, out var value) ? value : null;

    public void Add(string key, TValue value)
    {
        if (!_entries.TryAdd(key, value))
        {
            return;
        }

        _order.Enqueue(key);
        Interlocked.Add(ref _weight, weightOf?.Invoke(value) ?? 0);
        Interlocked.Increment(ref _count);
        while ((Volatile.Read(ref _count) > maxCount || Interlocked.Read(ref _weight) > maxWeight) && _order.TryDequeue(out var oldest))
        {
            if (_entries.TryRemove(oldest, out var removed))
            {
                Interlocked.Add(ref _weight, -(weightOf?.Invoke(removed) ?? 0));
                Interlocked.Decrement(ref _count);
            }
        }
    }
}
