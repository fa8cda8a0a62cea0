using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Cli.Composition;

/// <summary>A blob store for passes that read annotations only (counting): any image access is a bug.</summary>
internal sealed class NoImages : IBlobStore
{
    public static NoImages Instance { get; } = new();

    public ValueTask<ImageRef> PutAsync(ReadOnlyMemory<byte> bytes, string mediaType, int width, int height, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Counting samples does not store images.");

    public ValueTask<byte[]> ReadAsync(ImageRef image, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Counting samples does not read images.");
}
