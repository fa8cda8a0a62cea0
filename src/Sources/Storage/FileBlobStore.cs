using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Records;
using MultiTrust.Core.Storage;

namespace MultiTrust.Sources.Storage;

/// <summary>
/// Content-addressed image store on the file system. Images are appended to pack files (<see cref="BlobPack"/>:
/// <c>&lt;out&gt;/blobs/packs/&lt;name&gt;.pack</c>), and an image's <see cref="ImageRef.Path"/> is its record's address
/// (<c>&lt;pack&gt;.pack#&lt;offset&gt;</c>). Stores written before packs existed (one file per image,
/// <c>&lt;out&gt;/blobs/&lt;aa&gt;/&lt;sha256&gt;.&lt;ext&gt;</c>, <see cref="BlobLayout"/>) stay readable.
/// </summary>
/// <remarks>
/// Thread-safe. Each instance appends only to packs it created, under one lock (an append is one gathered write to the
/// page cache), so processes sharing the folder (shards) never write to the same file. Storing bytes the store already
/// holds is a no-op returning the same address: the packs present when the store is first used are indexed once (their
/// record headers are read; 20 bytes of memory an image, see <see cref="PackIndex"/>), and the store remembers its last
/// 65,536 appends by hash, so memory stays flat however many images a run stores (an image repeated further apart
/// within one run is stored again, costing only disk). A crash can leave one incomplete record at
/// the end of a pack; indexing stops there, nothing refers to it, and a new instance writes to a new pack. Reads verify
/// the SHA-256 of what they read. Durability is batched: <see cref="FlushAsync"/> makes every image stored so far
/// durable (one <c>fsync</c> per pack written since the previous flush, plus the packs folder when a pack was created),
/// and the run calls it before each commit that may reference them.
/// </remarks>
public sealed class FileBlobStore : IBlobStore, IDisposable
{
    /// <summary>A pack is closed and a new one started once it would grow past this.</summary>
    public const long DefaultPackBytes = 256L * 1024 * 1024;

    // How many of its own appends a store remembers by hash (about 300 bytes each).
    private const int RecentAppends = 65_536;

    private readonly string _blobRoot;
    private readonly string _packRoot;
    private readonly long _packBytes;
    private readonly RecentBlobs? _recent;
    private readonly Lazy<PackIndex> _earlier;
    private readonly RecentMap<string> _appended = new(RecentAppends);
    private readonly string _packPrefix = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..12];

    private readonly Lock _gate = new();
    private readonly Lock _flushGate = new();
    private readonly byte[] _header = new byte[BlobPack.HeaderBytes];
    private readonly ReadOnlyMemory<byte>[] _record = new ReadOnlyMemory<byte>[2];
    private readonly List<(SafeFileHandle Handle, string Path)> _closedUnflushed = [];
    private SafeFileHandle? _pack;
    private string _packPath = string.Empty;
    private long _packLength;
    private int _packNumber;
    private bool _unflushed;
    private bool _packCreatedSinceFlush;
    private bool _disposed;
    private bool _earlierUnflushed;

    /// <param name="outputRoot">The run output folder (<c>&lt;out&gt;</c>); images go under its <c>blobs/</c> folder.</param>
    /// <param name="recentBlobs">
    /// How many of the images this instance stored last (each at most 64 KB, 16 MB in all) <see cref="ReadAsync"/>
    /// serves from memory, verified when they were stored, without reading the pack: the generated image a model is
    /// sent right after it was stored. 0 (the default) reads every image from disk.
    /// </param>
    /// <param name="packBytes">The size past which a pack is closed and the next one started.</param>
    public FileBlobStore(string outputRoot, int recentBlobs = 0, long packBytes = DefaultPackBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputRoot);
        ArgumentOutOfRangeException.ThrowIfNegative(recentBlobs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(packBytes);
        _blobRoot = BlobLayout.Root(outputRoot);
        _packRoot = BlobPack.Root(outputRoot);
        _packBytes = packBytes;
        _recent = recentBlobs == 0 ? null : new RecentBlobs(recentBlobs, 16L * 1024 * 1024);
        _earlier = new Lazy<PackIndex>(IndexEarlierPacks, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The absolute <c>&lt;out&gt;/blobs</c> folder.</summary>
    public string BlobRoot => _blobRoot;

    /// <summary>The absolute <c>&lt;out&gt;/blobs/packs</c> folder.</summary>
    public string PackRoot => _packRoot;

    /// <summary>Where a store written one file per image (before packs) kept the image with this hash and media type.</summary>
    public string PathFor(string sha256, string mediaType) => BlobLayout.PathFor(_blobRoot, sha256, BlobLayout.ExtensionFor(mediaType));

    public ValueTask<ImageRef> PutAsync(ReadOnlyMemory<byte> bytes, string mediaType, int width, int height, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (bytes.IsEmpty)
        {
            throw new ArgumentException("Cannot store an empty image.", nameof(bytes));
        }

        var normalisedType = BlobLayout.ExtensionFor(mediaType) == "png" ? "image/png" : "image/jpeg";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes.Span, hash);
        var sha = Convert.ToHexStringLower(hash);
        cancellationToken.ThrowIfCancellationRequested();
        var address = _appended.Find(sha) ?? _earlier.Value.Find(hash) ?? Append(sha, hash, normalisedType, bytes);

        _recent?.Add(sha, bytes.Span);
        return ValueTask.FromResult(new ImageRef(sha, normalisedType, width, height, address));
    }

    private string Append(string sha, ReadOnlySpan<byte> hash, string mediaType, ReadOnlyMemory<byte> bytes)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_appended.Find(sha) is { } existing)
            {
                return existing; // another thread stored the same bytes a moment ago
            }

            var recordBytes = BlobPack.HeaderBytes + (long)bytes.Length;
            if (_pack is null || (_packLength > 0 && _packLength + recordBytes > _packBytes))
            {
                StartPack();
            }

            BlobPack.WriteHeader(_header, hash, mediaType, bytes.Length);
            _record[0] = _header;
            _record[1] = bytes;
            try
            {
                RandomAccess.Write(_pack!, _record, _packLength);
            }
            catch
            {
                // The pack's end may now hold part of this record: never append after it.
                ClosePack();
                throw;
            }
            finally
            {
                _record[1] = default;
            }

            var address = BlobPack.Address(_packPath, _packLength);
            _packLength += recordBytes;
            _unflushed = true;
            _appended.Add(sha, address);
            return address;
        }
    }

    private void StartPack()
    {
        ClosePack();
        DiskSync.CreateDirectory(_packRoot);
        _packNumber++;
        var path = Path.Combine(_packRoot, $"{_packPrefix}-{_packNumber.ToString("D4", CultureInfo.InvariantCulture)}{BlobPack.Extension}");
        _pack = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);
        _packPath = path;
        _packLength = 0;
        _packCreatedSinceFlush = true;
    }

    // Keeps the handle until a flush has made what went into it durable.
    private void ClosePack()
    {
        if (_pack is not null)
        {
            _closedUnflushed.Add((_pack, _packPath));
            _pack = null;
        }
    }

    /// <summary>
    /// Makes every image this instance stored before the call durable (contents and pack names); a no-op when none was
    /// stored since the last flush. Thread-safe; writes that race with it are flushed by the next call.
    /// </summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        lock (_flushGate)
        {
            (SafeFileHandle Handle, string Path)[] closed;
            (SafeFileHandle Handle, string Path)? current;
            bool created, earlier;
            lock (_gate)
            {
                if (!_unflushed && !_earlierUnflushed)
                {
                    return ValueTask.CompletedTask;
                }

                (closed, current, created, earlier) = ([.. _closedUnflushed], _pack is null ? null : (_pack, _packPath), _packCreatedSinceFlush, _earlierUnflushed);
                _closedUnflushed.Clear();
                (_unflushed, _packCreatedSinceFlush, _earlierUnflushed) = (false, false, false);
            }

            try
            {
                // Images found in packs other writers made (another shard may not have flushed yet) are made durable
                // once, before the first commit that can reference them.
                foreach (var pack in earlier ? _earlier.Value.PackPaths : [])
                {
                    FlushExisting(pack);
                }

                foreach (var pack in current is { } open ? [.. closed, open] : closed)
                {
                    RandomAccess.FlushToDisk(pack.Handle);

                    // A pack removed while the run goes on (its folder deleted) would flush without error into a file
                    // nobody can open: the commit that references its images must not go ahead.
                    if (!File.Exists(pack.Path))
                    {
                        throw new IOException($"The image pack {pack.Path} was removed while the run was writing to it; the images it held are lost.");
                    }
                }

                if (created)
                {
                    DiskSync.FlushDirectory(_packRoot);
                }
            }
            catch
            {
                lock (_gate)
                {
                    // Nothing is known to be durable: the next call tries again.
                    _closedUnflushed.InsertRange(0, closed);
                    (_unflushed, _packCreatedSinceFlush, _earlierUnflushed) = (true, _packCreatedSinceFlush || created, _earlierUnflushed || earlier);
                }

                throw;
            }

            foreach (var pack in closed)
            {
                pack.Handle.Dispose();
            }
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask<byte[]> ReadAsync(ImageRef image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (_recent?.TryGet(image.Sha256) is { } recent)
        {
            return recent;
        }

        var (location, packed) = Locate(image);
        if (location is null)
        {
            throw new FileNotFoundException(
                $"Image {image.Sha256} is missing from the blob store {_blobRoot}" +
                (string.IsNullOrEmpty(image.Path) ? "." : $": expected at {image.Path}."),
                image.Path);
        }

        var bytes = packed
            ? await BlobPack.ReadAsync(location, image.Sha256, cancellationToken).ConfigureAwait(false)
            : await File.ReadAllBytesAsync(location, cancellationToken).ConfigureAwait(false);
        var actual = ContentHasher.Sha256Hex(bytes);
        if (!string.Equals(actual, image.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"Corrupt image {location}: its SHA-256 is {actual}, expected {image.Sha256}.");
        }

        return bytes;
    }

    // Where the image is: its recorded pack address (also under this store when the output folder moved), this store's
    // index, the one-file-per-image layout, or the recorded path of an image that was never copied into the store.
    private (string? Location, bool Packed) Locate(ImageRef image)
    {
        if (BlobPack.TryParseAddress(image.Path, out var packPath, out var offset))
        {
            if (File.Exists(packPath))
            {
                return (image.Path, true);
            }

            var moved = Path.Combine(_packRoot, Path.GetFileName(packPath));
            if (File.Exists(moved))
            {
                return (BlobPack.Address(moved, offset), true);
            }
        }

        var sha = image.Sha256.ToLowerInvariant();
        if (_appended.Find(sha) is { } appended)
        {
            return (appended, true);
        }

        var isSha = sha.Length == 64 && sha.All(char.IsAsciiHexDigitLower);
        if (isSha && _earlier.Value.Find(Convert.FromHexString(sha)) is { } earlier)
        {
            return (earlier, true);
        }

        if (isSha && !string.IsNullOrEmpty(image.MediaType))
        {
            var legacy = BlobLayout.PathFor(_blobRoot, sha, BlobLayout.ExtensionFor(image.MediaType));
            if (File.Exists(legacy))
            {
                return (legacy, false);
            }
        }

        return !string.IsNullOrEmpty(image.Path) && !BlobPack.IsAddress(image.Path) && File.Exists(image.Path)
            ? (image.Path, false)
            : (null, false);
    }

    // The packs already in the folder (written by earlier runs, attempts or other shards), read once.
    private PackIndex IndexEarlierPacks()
    {
        var index = PackIndex.Build(_packRoot);
        if (index.PackPaths.Count > 0)
        {
            lock (_gate)
            {
                _earlierUnflushed = true;
            }
        }

        return index;
    }

    private static void FlushExisting(string pack)
    {
        try
        {
            using var handle = File.OpenHandle(pack, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            RandomAccess.FlushToDisk(handle);
        }
        catch (FileNotFoundException e)
        {
            throw new IOException($"The image pack {pack} was removed while the run used images stored in it.", e);
        }
    }

    /// <summary>Closes the packs. Images stored since the last <see cref="FlushAsync"/> are written but not known to be durable.</summary>
    public void Dispose()
    {
        lock (_flushGate)
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            ClosePack();
            foreach (var pack in _closedUnflushed)
            {
                pack.Handle.Dispose();
            }

            _closedUnflushed.Clear();
        }
    }
}
