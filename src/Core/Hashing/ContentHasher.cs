using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MultiTrust.Core.Hashing;

/// <summary>
/// Incremental SHA-256 over a sequence of length-prefixed fields, so that ("ab", "c") and ("a", "bc") differ.
/// Not thread-safe; dispose-free (the hash state is released by <see cref="ToId"/> / <see cref="ToHex"/>).
/// </summary>
public sealed class ContentHasher
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public ContentHasher Add(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        Span<byte> prefix = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, byteCount);
        _hash.AppendData(prefix);
        if (byteCount <= 512)
        {
            Span<byte> buffer = stackalloc byte[byteCount];
            Encoding.UTF8.GetBytes(value, buffer);
            _hash.AppendData(buffer);
        }
        else
        {
            _hash.AppendData(Encoding.UTF8.GetBytes(value));
        }

        return this;
    }

    public ContentHasher Add(long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        _hash.AppendData(buffer);
        return this;
    }

    public ContentHasher Add(ReadOnlySpan<byte> bytes)
    {
        Span<byte> prefix = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, bytes.Length);
        _hash.AppendData(prefix);
        _hash.AppendData(bytes);
        return this;
    }

    /// <summary>The full 64-character lower-case hex digest.</summary>
    public string ToHex()
    {
        Span<byte> digest = stackalloc byte[32];
        _hash.GetHashAndReset(digest);
        _hash.Dispose();
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>A 32-character id (the first 128 bits of the digest): the form used for sample, variant and request ids.</summary>
    public string ToId() => ToHex()[..32];

    /// <summary>SHA-256 of raw bytes as lower-case hex: the identity of an image.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
