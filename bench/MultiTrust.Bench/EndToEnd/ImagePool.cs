using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Bench.EndToEnd;

/// <summary>
/// Stores <c>count</c> distinct PNG-like blobs (PNG signature + seeded random bytes, incompressible like real image
/// data) of <c>bytes</c> each in a blob store before timing, so the 256-entry data-URI cache cannot hide the per-image
/// read, hash check and base64 encoding.
/// </summary>
public static class ImagePool
{
    private static readonly byte[] s_pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static async Task<IReadOnlyList<ImageRef>> CreateAsync(IBlobStore store, int count, int bytes, int seed)
    {
        var random = new Random(seed);
        var result = new ImageRef[count];
        var buffer = new byte[bytes];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(buffer);
            s_pngSignature.CopyTo(buffer, 0);
            result[i] = await store.PutAsync(buffer, "image/png", 256, 256, CancellationToken.None);
        }

        return result;
    }
}
