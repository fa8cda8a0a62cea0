using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Sources.Imaging;

/// <summary>Encoded image bytes with their size and media type, ready for an <see cref="IBlobStore"/>.</summary>
public sealed record RenderedImage(byte[] Bytes, int Width, int Height, string MediaType)
{
    public ValueTask<ImageRef> StoreAsync(IBlobStore store, CancellationToken cancellationToken) =>
        store.PutAsync(Bytes, MediaType, Width, Height, cancellationToken);
}
