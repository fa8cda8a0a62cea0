using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace MultiTrust.Core.Storage;

/// <summary>
/// The content store's pack files: <c>&lt;out&gt;/blobs/packs/&lt;name&gt;.pack</c>, each an append-only run of records, one
/// per stored image. A record is a 44-byte header followed by the image's bytes:
/// <c>"MTB1"</c> (4 bytes), the media type (1 byte: 1 = image/png, 2 = image/jpeg), 3 zero bytes, the length of the
/// bytes (int32, little-endian) and their SHA-256 (32 bytes). A stored image is addressed as
/// <c>&lt;pack path&gt;#&lt;offset of its record&gt;</c>: <c>ImageRef.Path</c> holds it with the absolute pack path, the samples
/// table's <c>image_paths</c> relative to the output folder.
/// </summary>
/// <remarks>
/// Packs exist because a file per image costs an inode per generated sample: on the 2-core reference machine the
/// kernel's file creation alone took a fifth of the run's CPU. A writer only ever appends to packs it created, so a
/// crash can leave at most one incomplete record at the end of a pack; <see cref="Scan"/> stops there, and a reader
/// verifies the SHA-256 of what it reads.
/// </remarks>
public static class BlobPack
{
    /// <summary>The folder of packs under the store's <see cref="BlobLayout.FolderName"/> folder.</summary>
    public const string FolderName = "packs";

    /// <summary>A pack file's extension.</summary>
    public const string Extension = ".pack";

    /// <summary>The size of a record's header.</summary>
    public const int HeaderBytes = 44;

    /// <summary>The largest image a record holds.</summary>
    public const int MaxRecordBytes = 256 * 1024 * 1024;

    private const uint Magic = 0x3142544D; // "MTB1" read as a little-endian uint32

    /// <summary>The absolute <c>&lt;outputRoot&gt;/blobs/packs</c> folder.</summary>
    public static string Root(string outputRoot) => Path.Combine(BlobLayout.Root(outputRoot), FolderName);

    /// <summary>The address of the record at <paramref name="offset"/> in <paramref name="packPath"/>.</summary>
    public static string Address(string packPath, long offset) => packPath + "#" + offset.ToString(CultureInfo.InvariantCulture);

    /// <summary>Splits an address made by <see cref="Address"/>; false for anything else (a plain file path).</summary>
    public static bool TryParseAddress(string path, out string packPath, out long offset)
    {
        ArgumentNullException.ThrowIfNull(path);
        var hash = path.LastIndexOf('#');
        if (hash > 0
            && path.AsSpan(0, hash).EndsWith(Extension, StringComparison.Ordinal)
            && long.TryParse(path.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            packPath = path[..hash];
            return true;
        }

        (packPath, offset) = (string.Empty, 0);
        return false;
    }

    /// <summary>True for an address made by <see cref="Address"/>.</summary>
    public static bool IsAddress(string path) => TryParseAddress(path, out _, out _);

    /// <summary>Writes a record's header for <paramref name="length"/> bytes of <paramref name="mediaType"/> with this SHA-256.</summary>
    public static void WriteHeader(Span<byte> destination, ReadOnlySpan<byte> sha256, string mediaType, int length)
    {
        if (destination.Length < HeaderBytes || sha256.Length != 32)
        {
            throw new ArgumentException($"A pack record header takes {HeaderBytes} bytes and a 32-byte SHA-256.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxRecordBytes);
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Magic);
        destination[4] = BlobLayout.ExtensionFor(mediaType) == "png" ? (byte)1 : (byte)2;
        destination[5..8].Clear();
        BinaryPrimitives.WriteInt32LittleEndian(destination[8..], length);
        sha256.CopyTo(destination[12..]);
    }

    /// <summary>Reads a record's header; false when the bytes are not one (a torn or foreign tail).</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> header, long offset, out BlobPackEntry entry)
    {
        entry = default;
        if (header.Length < HeaderBytes || BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic || header[5..8].IndexOfAnyExcept((byte)0) >= 0)
        {
            return false;
        }

        var mediaType = header[4] switch
        {
            1 => "image/png",
            2 => "image/jpeg",
            _ => null,
        };
        var length = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (mediaType is null || length <= 0 || length > MaxRecordBytes)
        {
            return false;
        }

        entry = new BlobPackEntry(Convert.ToHexStringLower(header.Slice(12, 32)), mediaType, offset, length);
        return true;
    }

    /// <summary>
    /// The records of a pack in order, stopping silently at the first that is incomplete or not a record (what a crash
    /// during an append leaves at the end).
    /// </summary>
    public static IEnumerable<BlobPackEntry> Scan(string packPath)
    {
        using var handle = File.OpenHandle(packPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = RandomAccess.GetLength(handle);
        var header = new byte[HeaderBytes];
        for (long offset = 0; offset + HeaderBytes <= length;)
        {
            if (RandomAccess.Read(handle, header, offset) != HeaderBytes
                || !TryReadHeader(header, offset, out var entry)
                || offset + HeaderBytes + entry.Length > length)
            {
                yield break;
            }

            yield return entry;
            offset += HeaderBytes + entry.Length;
        }
    }

    /// <summary>
    /// The bytes of the record at <paramref name="address"/>, after checking that its header names
    /// <paramref name="sha256"/> (the caller verifies the bytes' hash where it must). A missing pack throws
    /// <see cref="FileNotFoundException"/>, a record that is not there or names another image
    /// <see cref="InvalidDataException"/>, each naming the address.
    /// </summary>
    public static async ValueTask<byte[]> ReadAsync(string address, string sha256, CancellationToken cancellationToken)
    {
        if (!TryParseAddress(address, out var packPath, out var offset))
        {
            throw new ArgumentException($"'{address}' is not a pack address (<pack>{Extension}#<offset>).", nameof(address));
        }

        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(packPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"Image {sha256} is missing: its pack {packPath} does not exist (address {address}).", packPath, e);
        }

        using var _ = handle;
        var header = new byte[HeaderBytes];
        var read = await RandomAccess.ReadAsync(handle, header, offset, cancellationToken).ConfigureAwait(false);
        if (read != HeaderBytes || !TryReadHeader(header, offset, out var entry))
        {
            throw new InvalidDataException($"Corrupt image address {address}: no pack record starts there (expected sha256 {sha256}).");
        }

        if (!string.Equals(entry.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"Corrupt image address {address}: the record there holds sha256 {entry.Sha256}, expected {sha256}.");
        }

        var bytes = new byte[entry.Length];
        read = await ReadFullyAsync(handle, bytes, offset + HeaderBytes, cancellationToken).ConfigureAwait(false);
        if (read != bytes.Length)
        {
            throw new InvalidDataException($"Corrupt image address {address}: the pack ends {bytes.Length - read} bytes into the record (sha256 {sha256}).");
        }

        return bytes;
    }

    private static async ValueTask<int> ReadFullyAsync(SafeFileHandle handle, Memory<byte> buffer, long offset, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await RandomAccess.ReadAsync(handle, buffer[total..], offset + total, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}

/// <summary>One record of a pack: the image's SHA-256 (lower-case hex), media type, the record's offset and the image's length.</summary>
public readonly record struct BlobPackEntry(string Sha256, string MediaType, long Offset, int Length);
