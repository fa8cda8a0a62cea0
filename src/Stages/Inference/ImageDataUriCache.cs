namespace MultiTrust.Stages.Inference;

/// <summary>
/// A small LRU of <c>data:&lt;media&gt;;base64,...</c> URIs by image SHA-256, so an image sent to several models (or in
/// several variants) is encoded once. Bounded by entry count and by total characters. Thread-safe; share one instance
/// between the invokers of a run.
/// </summary>
public sealed class ImageDataUriCache
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();
    private readonly int _maxEntries;
    private readonly long _maxChars;
    private long _chars;

    /// <param name="maxEntries">Most images kept (default 256).</param>
    /// <param name="maxChars">Most URI characters kept in total (default 32 M characters, about 64 MB).</param>
    public ImageDataUriCache(int maxEntries = 256, long maxChars = 32L * 1024 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChars);
        _maxEntries = maxEntries;
        _maxChars = maxChars;
    }

    /// <summary>Number of cached URIs.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>The data URI for <paramref name="bytes"/> of the given media type.</summary>
    public static string Encode(byte[] bytes, string mediaType)
    {
        // One allocation: the prefix and the base64 text written straight into the final string.
        var prefixLength = "data:".Length + mediaType.Length + ";base64,".Length;
        var base64Length = ((bytes.Length + 2) / 3) * 4;
        return string.Create(prefixLength + base64Length, (bytes, mediaType), static (chars, state) =>
        {
            var position = 0;
            "data:".CopyTo(chars);
            position += 5;
            state.mediaType.CopyTo(chars[position..]);
            position += state.mediaType.Length;
            ";base64,".CopyTo(chars[position..]);
            position += 8;
            Convert.TryToBase64Chars(state.bytes, chars[position..], out _);
        });
    }

    public bool TryGet(string sha256, out string dataUri)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(sha256, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                dataUri = node.Value.DataUri;
                return true;
            }
        }

        dataUri = string.Empty;
        return false;
    }

    /// <summary>Adds a URI; URIs larger than the character budget are not kept.</summary>
    public void Add(string sha256, string dataUri)
    {
        if (dataUri.Length > _maxChars)
        {
            return;
        }

        lock (_gate)
        {
            if (_map.ContainsKey(sha256))
            {
                return;
            }

            var node = _order.AddFirst(new Entry(sha256, dataUri));
            _map.Add(sha256, node);
            _chars += dataUri.Length;
            while (_map.Count > _maxEntries || _chars > _maxChars)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Sha256);
                _chars -= last.Value.DataUri.Length;
            }
        }
    }

    private sealed record Entry(string Sha256, string DataUri);
}
