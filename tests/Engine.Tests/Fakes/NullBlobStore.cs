using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine.Tests.Fakes;

internal sealed class NullBlobStore : IBlobStore
{
    public ValueTask<ImageRef> PutAsync(ReadOnlyMemory<byte> bytes, string mediaType, int width, int height, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The fake task stores no images.");

    public ValueTask<byte[]> ReadAsync(ImageRef image, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The fake task stores no images.");
}
