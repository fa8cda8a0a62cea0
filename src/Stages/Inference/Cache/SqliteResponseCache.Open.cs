using Microsoft.Data.Sqlite;

namespace MultiTrust.Stages.Inference.Cache;

public sealed partial class SqliteResponseCache
{
    /// <summary>Opens (creating if needed) the cache file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a valid cache database.</exception>
    public static async Task<SqliteResponseCache> OpenAsync(string path, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);

        var writeConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
        var readConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
        }.ToString();

        var connection = new SqliteConnection(writeConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await InitializeAsync(connection, fullPath, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw Translate(ex, fullPath, "opening");
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new SqliteResponseCache(fullPath, readConnectionString, connection, timeProvider ?? TimeProvider.System);
    }

    private static async Task InitializeAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new InvalidDataException(
                $"The response cache {path} has schema version {version}, newer than this tool's {SchemaVersion}. " +
                "Use a newer tool or delete the file to start a fresh cache.");
        }

        command.CommandText =
            "PRAGMA journal_mode=WAL;" +
            "PRAGMA synchronous=NORMAL;" +
            "CREATE TABLE IF NOT EXISTS responses (" +
            " request_hash TEXT NOT NULL PRIMARY KEY," +
            " status TEXT NOT NULL," +
            " text TEXT," +
            " finish_reason TEXT," +
            " input_tokens INTEGER," +
            " output_tokens INTEGER," +
            " created_unix_ms INTEGER NOT NULL" +
            ") WITHOUT ROWID;" +
            $"PRAGMA user_version={SchemaVersion};";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Exception Translate(SqliteException ex, string path, string action) =>
        ex.SqliteErrorCode is 26 or 11
            ? new InvalidDataException(
                $"The response cache {path} is corrupt or not a SQLite database ({action} failed: {ex.Message}). " +
                "It only holds cached model responses: delete it (and any -wal/-shm files beside it) to start a fresh cache.",
                ex)
            : new IOException($"The response cache {path} could not be used ({action} failed: {ex.Message}).", ex);
}
