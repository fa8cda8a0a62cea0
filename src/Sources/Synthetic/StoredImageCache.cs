using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Imaging;

namespace MultiTrust.Sources.Synthetic;

/// <summary>
/// Images a generator shows in many samples (the same typography in several prompts), rendered and stored once per
/// blob store. Thread-safe; two threads missing the same key at once may both render it (the store keeps one copy).
/// Entries live as long as the store and this cache.
/// </summary>
internal sealed class StoredImageCache<TKey>
    where TKey : notnull
{
    private readonly ConditionalWeakTable<IBlobStore, ConcurrentDictionary<TKey, ImageRef>> _stores = [];

    public async ValueTask<ImageRef> GetOrStoreAsync(IBlobStore store, TKey key, Func<RenderedImage> render, CancellationToken cancellationToken)
    {
        var images = _stores.GetValue(store, _ => new ConcurrentDictionary<TKey, ImageRef>());
        if (images.TryGetValue(key, out var image))
        {
            return image;
        }

        image = await render().StoreAsync(store, cancellationToken).ConfigureAwait(false);
        images.TryAdd(key, image);
        return image;
    }
}
