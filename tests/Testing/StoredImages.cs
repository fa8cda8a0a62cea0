using System.Security.Cryptography;
using MultiTrust.Core.Records;
using MultiTrust.Core.Storage;

namespace MultiTrust.Testing;

/// <summary>Reads a stored image by its path alone (a pack address or a plain file), the way a test inspects what a generator stored.</summary>
public static class StoredImages
{
    /// <summary>The image's bytes, checked against its SHA-256.</summary>
    public static async Task<byte[]> ReadAsync(ImageRef image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var bytes = BlobPack.IsAddress(image.Path)
            ? await BlobPack.ReadAsync(image.Path, image.Sha256, CancellationToken.None)
            : await File.ReadAllBytesAsync(image.Path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return actual == image.Sha256 ? bytes : throw new InvalidDataException($"{image.Path} holds sha256 {actual}, expected {image.Sha256}.");
    }
}
