using Microsoft.Extensions.AI;

namespace MultiTrust.Stages.Inference;

/// <summary>
/// A small LRU of the images of requests, by image SHA-256, as <see cref="DataContent"/> built from the verified bytes,
/// so an image sent to several models (or in several variants) is read once. A content's base64 form is made only by a
/// client that asks for it (<see cref="DataContent.Uri"/>, <see cref="DataContent.Base64Data"/>) and then kept with it;
/// clients that write the bytes themselves (the OpenAI-compatible one) and the baselines never make it. Bounded by entry
/// count and by total base64 characters. Thread-safe; share one instance between the invokers of a run.
/// </summary>
public sealed class ImageContentCache
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();
    private readonly int _maxEntries;
    private readonly long _maxChars;
    private long _chars;

    /// <param name="maxEntries">Most images kept (default 256).</param>
    /// <param name="maxChars">Most base64 characters of the kept images in total (default 32 M, about 24 MB of images).</param>
    public ImageContentCache(int maxEntries = 256, long maxChars = 32L * 1024 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChars);
        _maxEntries = maxEntries;
        _maxChars = maxChars;
    }

    /// <summary>Number of cached images.</summary>
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

    public bool TryGet(string sha256, out DataContent image)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(sha256, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                image = node.Value.Image;
                return true;
            }
        }

        image = null!;
        return false;
    }

    /// <summary>Adds an image; images whose base64 form is larger than the character budget are not kept.</summary>
    public void Add(string sha256, DataContent image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var chars = Base64Length(image.Data.Length);
        if (chars > _maxChars)
        {
            return;
        }

        lock (_gate)
        {
            if (_map.ContainsKey(sha256))
            {
                return;
            }

            var node = _order.AddFirst(new Entry(sha256, image, chars));
            _map.Add(sha256, node);
            _chars += chars;
            while (_map.Count > _maxEntries || _chars > _maxChars)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Sha256);
                _chars -= last.Value.Chars;
            }
        }
    }

    private static long Base64Length(long bytes) => (bytes + 2) / 3 * 4;

    private sealed record Entry(string Sha256, DataContent Image, long Chars);
}
