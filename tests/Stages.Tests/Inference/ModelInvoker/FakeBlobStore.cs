using System.Collections.Concurrent;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Tests.Inference.Invoking;

/// <summary>An in-memory <see cref="IBlobStore"/> that counts reads and verifies hashes; unknown paths throw <see cref="FileNotFoundException"/>.</summary>
internal sealed class FakeBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<string, byte[]> _bytesByPath = new();
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public ValueTask<ImageRef> PutAsync(ReadOnlyMemory<byte> bytes, string mediaType, int width, int height, CancellationToken cancellationToken)
    {
        var sha = ContentHasher.Sha256Hex(bytes.Span);
        var path = $"blobs/{sha[..2]}/{sha}.png";
        _bytesByPath[path] = bytes.ToArray();
        return ValueTask.FromResult(new ImageRef(sha, mediaType, width, height, path));
    }

    /// <summary>Replaces the bytes stored at an image's path (to simulate a corrupted file).</summary>
    public void Overwrite(ImageRef image, byte[] bytes) => _bytesByPath[image.Path] = bytes;

    public ValueTask<byte[]> ReadAsync(ImageRef image, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        if (!_bytesByPath.TryGetValue(image.Path, out var bytes))
        {
            return ValueTask.FromException<byte[]>(new FileNotFoundException($"Could not find file '{image.Path}'.", image.Path));
        }

        // As the IBlobStore contract requires: the bytes returned are verified against the image's hash.
        return ContentHasher.Sha256Hex(bytes) == image.Sha256
            ? ValueTask.FromResult(bytes)
            : ValueTask.FromException<byte[]>(new InvalidDataException($"The image {image.Path} is corrupt: its bytes do not hash to {image.Sha256}."));
    }
}
