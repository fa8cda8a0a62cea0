using Microsoft.Data.Sqlite;

namespace MultiTrust.Stages.Caching;

/// <summary>
/// How the SQLite cache files (the response cache and the perturbation cache) are opened: the full path with its folder
/// created, one non-pooled read-write-create writer connection in WAL mode with <c>synchronous=NORMAL</c> (a commit
/// survives a process crash; a power loss can drop only the last commits, never corrupt the file), and pooled reader
/// connections. Schemas stay with their cache.
/// </summary>
internal static class SqliteCacheFile
{
    /// <summary>The full path of <paramref name="path"/>, with its folder created.</summary>
    public static string Prepare(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        return fullPath;
    }

    /// <summary>The connection string of pooled readers of <paramref name="fullPath"/>.</summary>
    /// <param name="fullPath">The cache file.</param>
    /// <param name="readOnly">Open read-only (a reader that never writes) rather than read-write.</param>
    public static string ReaderConnectionString(string fullPath, bool readOnly) => new SqliteConnectionStringBuilder
    {
        DataSource = fullPath,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
        Pooling = true,
    }.ToString();

    /// <summary>
    /// Opens the single writer connection of <paramref name="fullPath"/> (creating the file) and sets WAL and
    /// <c>synchronous=NORMAL</c>. The connection is disposed when opening fails.
    /// </summary>
    /// <exception cref="SqliteException">The file cannot be opened as a SQLite database.</exception>
    public static async Task<SqliteConnection> OpenWriterAsync(string fullPath, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
