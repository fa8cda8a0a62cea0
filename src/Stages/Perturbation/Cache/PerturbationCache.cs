using System.Globalization;
using Microsoft.Data.Sqlite;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Records;
using MultiTrust.Core.Storage;
using MultiTrust.Stages.Caching;

namespace MultiTrust.Stages.Perturbation.Cache;

/// <summary>
/// Remembers which stored image a perturbation produced, keyed by (input image hash, perturbation chain with its
/// versions and parameters, seed), so a re-run computes nothing twice. The images themselves live in the
/// content-addressed blob store; this is only the index (<c>&lt;out&gt;/cache/perturbations.sqlite</c>, WAL). A hit
/// whose stored file has gone missing counts as a miss. Thread-safe; hits and misses are counted for the run summary.
/// </summary>
public sealed class PerturbationCache : IAsyncDisposable
{
    /// <summary>The cache file name under <c>&lt;out&gt;/cache/</c>.</summary>
    public const string FileName = "perturbations.sqlite";

    private readonly string _path;
    private readonly string _readConnectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private long _hits;
    private long _misses;

    private PerturbationCache(string path, string readConnectionString, SqliteConnection writer)
    {
        _path = path;
        _readConnectionString = readConnectionString;
        _writer = writer;
    }

    public string Path => _path;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    /// <summary><c>&lt;outputDirectory&gt;/cache/perturbations.sqlite</c>.</summary>
    public static string DefaultPath(string outputDirectory) => System.IO.Path.Combine(outputDirectory, "cache", FileName);

    /// <summary>The cache key: a hash of the input image, the chain descriptor (names, versions, parameters) and the seed.</summary>
    public static string KeyOf(string imageSha256, string chainDescriptor, ulong seed) =>
        new ContentHasher().Add("perturbation/v1").Add(imageSha256).Add(chainDescriptor).Add(seed.ToString(CultureInfo.InvariantCulture)).ToHex();

    /// <exception cref="InvalidDataException">The file exists but is not a SQLite database.</exception>
    public static async Task<PerturbationCache> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var fullPath = SqliteCacheFile.Prepare(path);
        SqliteConnection? writer = null;
        try
        {
            writer = await SqliteCacheFile.OpenWriterAsync(fullPath, cancellationToken).ConfigureAwait(false);
            await using var command = writer.CreateCommand();
            command.CommandText =
                "PRAGMA busy_timeout=10000;" +
                "CREATE TABLE IF NOT EXISTS perturbed (key TEXT NOT NULL PRIMARY KEY, sha256 TEXT NOT NULL, media_type TEXT NOT NULL," +
                " width INTEGER NOT NULL, height INTEGER NOT NULL, path TEXT NOT NULL, encoding TEXT NOT NULL) WITHOUT ROWID;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            if (writer is not null)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }

            throw new InvalidDataException(
                $"The perturbation cache {fullPath} could not be opened ({e.Message}). It only indexes stored perturbed images: " +
                "delete it (and any -wal/-shm files beside it) to start a fresh one.", e);
        }

        var read = SqliteCacheFile.ReaderConnectionString(fullPath, readOnly: true);
        return new PerturbationCache(fullPath, read, writer);
    }

    /// <summary>The stored image for <paramref name="key"/>, or null (counted as a miss) when unknown or its file is gone.</summary>
    public async ValueTask<ImageRef?> TryGetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sha256, media_type, width, height, path FROM perturbed WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var image = new ImageRef(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4));
            if (BlobLayout.Exists(image.Path))
            {
                Interlocked.Increment(ref _hits);
                return image;
            }
        }

        Interlocked.Increment(ref _misses);
        return null;
    }

    /// <summary>Records the stored image a perturbation produced, with the encoding used (for example <c>png</c>, <c>jpeg-q95</c>).</summary>
    public async ValueTask PutAsync(string key, ImageRef image, string encoding, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = _writer.CreateCommand();
            command.CommandText =
                "INSERT OR REPLACE INTO perturbed (key, sha256, media_type, width, height, path, encoding) " +
                "VALUES ($key, $sha, $media, $w, $h, $path, $encoding)";
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$sha", image.Sha256);
            command.Parameters.AddWithValue("$media", image.MediaType);
            command.Parameters.AddWithValue("$w", image.Width);
            command.Parameters.AddWithValue("$h", image.Height);
            command.Parameters.AddWithValue("$path", image.Path);
            command.Parameters.AddWithValue("$encoding", encoding);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        _writeLock.Dispose();
    }
}
