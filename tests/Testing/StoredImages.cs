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

    /// <summary>
    /// Appends one record to a pack file (created with its folder when missing), as the content store does, and returns
    /// the record's address. <paramref name="sha256"/> overrides the hash the header names (default: the bytes' own).
    /// </summary>
    public static string AppendRecord(string packPath, byte[] bytes, string mediaType = "image/png", byte[]? sha256 = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(packPath))!);
        using var file = new FileStream(packPath, FileMode.Append);
        var offset = file.Position;
        var header = new byte[BlobPack.HeaderBytes];
        BlobPack.WriteHeader(header, sha256 ?? SHA256.HashData(bytes), mediaType, bytes.Length);
        file.Write(header);
        file.Write(bytes);
        return BlobPack.Address(packPath, offset);
    }
}
