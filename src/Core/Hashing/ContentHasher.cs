using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MultiTrust.Core.Hashing;

/// <summary>
/// Incremental SHA-256 over a sequence of length-prefixed fields, so that ("ab", "c") and ("a", "bc") differ.
/// Fields are gathered in a pooled buffer and hashed in one call (an id of a few short fields costs one SHA-256 call,
/// not a native call per field); past 4 KB the buffer is streamed into an incremental hash, so a hash over millions of
/// fields (a dataset hash) stays small. The digest is that of the concatenated fields either way. Not thread-safe;
/// dispose-free (the buffer and hash state are released by <see cref="ToId"/> / <see cref="ToHex"/>).
/// </summary>
public sealed class ContentHasher
{
    private const int BufferBytes = 4096;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
    private int _length;
    private IncrementalHash? _hash;

    public ContentHasher Add(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        Span<byte> prefix = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, byteCount);
        Append(prefix);
        if (byteCount <= BufferBytes - _length)
        {
            _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
        }
        else if (byteCount <= 512)
        {
            Span<byte> buffer = stackalloc byte[byteCount];
            Encoding.UTF8.GetBytes(value, buffer);
            Append(buffer);
        }
        else
        {
            Append(Encoding.UTF8.GetBytes(value));
        }

        return this;
    }

    public ContentHasher Add(long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        Append(buffer);
        return this;
    }

    public ContentHasher Add(ReadOnlySpan<byte> bytes)
    {
        Span<byte> prefix = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, bytes.Length);
        Append(prefix);
        Append(bytes);
        return this;
    }

    /// <summary>The full 64-character lower-case hex digest.</summary>
    public string ToHex()
    {
        Span<byte> digest = stackalloc byte[32];
        if (_hash is null)
        {
            SHA256.HashData(_buffer.AsSpan(0, _length), digest);
        }
        else
        {
            _hash.AppendData(_buffer.AsSpan(0, _length));
            _hash.GetHashAndReset(digest);
            _hash.Dispose();
        }

        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>A 32-character id (the first 128 bits of the digest): the form used for sample, variant and request ids.</summary>
    public string ToId() => ToHex()[..32];

    /// <summary>SHA-256 of raw bytes as lower-case hex: the identity of an image.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= BufferBytes - _length)
        {
            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
            return;
        }

        _hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _hash.AppendData(_buffer.AsSpan(0, _length));
        _length = 0;
        if (bytes.Length > BufferBytes)
        {
            _hash.AppendData(bytes);
        }
        else
        {
            bytes.CopyTo(_buffer);
            _length = bytes.Length;
        }
    }
}
