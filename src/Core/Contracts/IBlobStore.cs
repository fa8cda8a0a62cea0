using MultiTrust.Core.Records;

namespace MultiTrust.Core.Contracts;

/// <summary>
/// Content-addressed image store (on disk: pack files under <c>&lt;out&gt;/blobs/packs/</c>, see
/// <see cref="Storage.BlobPack"/>). Thread-safe. Writes are idempotent: storing the same bytes twice returns the same
/// reference, and a reference is only returned once its image can be read.
/// </summary>
public interface IBlobStore
{
    ValueTask<ImageRef> PutAsync(ReadOnlyMemory<byte> bytes, string mediaType, int width, int height, CancellationToken cancellationToken);

    /// <summary>
    /// The image's bytes, verified: their SHA-256 equals <see cref="ImageRef.Sha256"/>. A missing file throws
    /// <see cref="FileNotFoundException"/> and a corrupt one <see cref="InvalidDataException"/>, each naming the path.
    /// Callers rely on this and do not hash again.
    /// </summary>
    ValueTask<byte[]> ReadAsync(ImageRef image, CancellationToken cancellationToken);

    /// <summary>
    /// Makes every blob stored before the call durable, so a commit that references them never outlives them in a
    /// crash. Called before each commit; a store that is durable on its own (or held in memory) does nothing.
    /// </summary>
    ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
