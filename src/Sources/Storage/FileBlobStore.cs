using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Records;
using MultiTrust.Core.Storage;

namespace MultiTrust.Sources.Storage;

/// <summary>
/// Content-addressed image store on the file system, laid out by <see cref="BlobLayout"/>
/// (<c>&lt;out&gt;/blobs/&lt;aa&gt;/&lt;sha256&gt;.&lt;ext&gt;</c>).
/// Thread-safe and safe across processes sharing the folder: every write goes to a unique temporary file in the
/// target folder and is renamed into place, so readers never see a partial file; storing the same bytes twice is a
/// no-op returning the same <see cref="ImageRef"/>. Reads verify the SHA-256 of what they read.
/// Durability is batched: a write is not flushed on its own (one <c>fsync</c> per small blob would cost more than the
/// write); <see cref="FlushAsync"/> makes every blob written so far durable, and the run calls it before each commit
/// that may reference them (on Linux one <c>syncfs</c> of the blob folder's file system, which also covers the new
/// names; elsewhere an <c>fsync</c> of each blob written since the last flush).
/// </summary>
public sealed class FileBlobStore : IBlobStore
{
    private readonly string _blobRoot;

    // The two-hex-digit folders known to exist, so a write costs no directory call.
    private readonly ConcurrentDictionary<string, byte> _directories = new(StringComparer.Ordinal);
    private readonly string _temporaryPrefix = Guid.NewGuid().ToString("N")[..12];
    private readonly RecentBlobs? _recent;

    // Blobs written since the last flush: a flag where one syncfs covers them all, else their paths.
    private readonly ConcurrentQueue<string>? _unflushedPaths = DiskSync.IsSupported ? null : new();
    private int _unflushed;
    private long _temporaryCounter;

    /// <param name="outputRoot">The run output folder (<c>&lt;out&gt;</c>); blobs go under its <c>blobs/</c> folder.</param>
    /// <param name="recentBlobs">
    /// How many of the blobs this instance stored last (each at most 64 KB, 16 MB in all) <see cref="ReadAsync"/>
    /// serves from memory, verified when they were stored, without opening the file: the generated image a model is
    /// sent right after it was stored. 0 (the default) reads every blob from disk.
    /// </param>
    public FileBlobStore(string outputRoot, int recentBlobs = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputRoot);
        ArgumentOutOfRangeException.ThrowIfNegative(recentBlobs);
        _blobRoot = BlobLayout.Root(outputRoot);
        _recent = recentBlobs == 0 ? null : new RecentBlobs(recentBlobs, 16L * 1024 * 1024);
    }

    /// <summary>The absolute <c>&lt;out&gt;/blobs</c> folder.</summary>
    public string BlobRoot => _blobRoot;

    /// <summary>Where the blob with this hash and media type lives in this store.</summary>
    public string PathFor(string sha256, string mediaType) => BlobLayout.PathFor(_blobRoot, sha256, BlobLayout.ExtensionFor(mediaType));

    public ValueTask<ImageRef> PutAsync(ReadOnlyMemory<byte> bytes, string mediaType, int width, int height, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (bytes.IsEmpty)
        {
            throw new ArgumentException("Cannot store an empty image.", nameof(bytes));
        }

        var sha = ContentHasher.Sha256Hex(bytes.Span);
        var path = PathFor(sha, mediaType);
        var normalisedType = BlobLayout.ExtensionFor(mediaType) == "png" ? "image/png" : "image/jpeg";
        var image = new ImageRef(sha, normalisedType, width, height, path);
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsComplete(path, bytes.Length))
        {
            Write(path, sha, bytes.Span);
            _unflushedPaths?.Enqueue(path);
            Volatile.Write(ref _unflushed, 1);
        }

        _recent?.Add(sha, bytes.Span);
        return ValueTask.FromResult(image);
    }

    // Written synchronously through one handle: a blob is small and goes to the page cache, and the asynchronous
    // FileStream path cost several times the write itself on this hot path (one blob per generated sample). The
    // temporary name is private to this writer, so no lock is taken (FileShare.None would cost two flock calls).
    private void Write(string path, string sha, ReadOnlySpan<byte> bytes)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (!_directories.ContainsKey(directory))
        {
            Directory.CreateDirectory(directory);
            _directories.TryAdd(directory, 0);
        }

        // Unique without a random draw per write: this instance's random prefix and a counter.
        var temporary = Path.Combine(directory, $".{sha}.{_temporaryPrefix}{Interlocked.Increment(ref _temporaryCounter)}.tmp");
        var moved = false;
        try
        {
            SafeFileHandle handle;
            try
            {
                handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite);
            }
            catch (DirectoryNotFoundException)
            {
                // The folder was removed since it was created (a cleanup while the run went on): create it again.
                Directory.CreateDirectory(directory);
                handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite);
            }

            using (handle)
            {
                RandomAccess.Write(handle, bytes, 0);
            }

            try
            {
                // Same hash means same bytes: replacing a concurrent writer's identical file is harmless, and replacing
                // a truncated leftover repairs it.
                File.Move(temporary, path, overwrite: true);
                moved = true;
            }
            catch (IOException) when (IsComplete(path, bytes.Length))
            {
                // Another writer (possibly holding the file open, on Windows) put the same content first.
            }
            catch (UnauthorizedAccessException) when (IsComplete(path, bytes.Length))
            {
            }
        }
        finally
        {
            if (!moved)
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Makes every blob this instance wrote before the call durable (contents and names); a no-op when none was written
    /// since the last flush. Thread-safe; writes that race with it are flushed by the next call.
    /// </summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _unflushed, 0) == 0)
        {
            return ValueTask.CompletedTask;
        }

        try
        {
            if (_unflushedPaths is null)
            {
                DiskSync.FlushFileSystem(_blobRoot);
                return ValueTask.CompletedTask;
            }

            while (_unflushedPaths.TryPeek(out var path))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write))
                {
                    RandomAccess.FlushToDisk(handle);
                }

                _unflushedPaths.TryDequeue(out _);
            }
        }
        catch
        {
            Volatile.Write(ref _unflushed, 1); // nothing is known to be flushed: the next call tries again
            throw;
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask<byte[]> ReadAsync(ImageRef image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var path = PathFor(image.Sha256, image.MediaType);
        if (_recent?.TryGet(image.Sha256) is { } recent)
        {
            return recent;
        }

        if (!File.Exists(path))
        {
            // An image referenced by a source path (not generated into this store) is read from where it lives.
            if (!string.IsNullOrEmpty(image.Path) && File.Exists(image.Path))
            {
                path = image.Path;
            }
            else
            {
                throw new FileNotFoundException(
                    $"Image {image.Sha256} is missing from the blob store: expected {path}" +
                    (string.IsNullOrEmpty(image.Path) || image.Path == path ? "." : $" (or its recorded path {image.Path})."),
                    path);
            }
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var actual = ContentHasher.Sha256Hex(bytes);
        if (!string.Equals(actual, image.Sha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Corrupt image file {path}: its SHA-256 is {actual}, expected {image.Sha256}.");
        }

        return bytes;
    }

    private static bool IsComplete(string path, long length)
    {
        var info = new FileInfo(path);
        return info.Exists && info.Length == length;
    }
}
