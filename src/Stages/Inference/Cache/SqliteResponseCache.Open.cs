using Microsoft.Data.Sqlite;
using MultiTrust.Stages.Caching;

namespace MultiTrust.Stages.Inference.Cache;

public sealed partial class SqliteResponseCache
{
    /// <summary>Opens (creating if needed) the cache file at <paramref name="path"/>, answering from every entry (<see cref="ResponseCacheScope.Shared"/>).</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a valid cache database.</exception>
    public static Task<SqliteResponseCache> OpenAsync(string path, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default) =>
        OpenAsync(path, ResponseCacheScope.Shared, timeProvider, cancellationToken);

    /// <summary>Opens (creating if needed) the cache file at <paramref name="path"/> for <paramref name="scope"/>.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a valid cache database.</exception>
    public static async Task<SqliteResponseCache> OpenAsync(
        string path, ResponseCacheScope scope, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var fullPath = SqliteCacheFile.Prepare(path);
        var readConnectionString = SqliteCacheFile.ReaderConnectionString(fullPath, readOnly: false);

        SqliteConnection connection;
        try
        {
            connection = await SqliteCacheFile.OpenWriterAsync(fullPath, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw Translate(ex, fullPath, "opening");
        }

        bool holdsEntries;
        try
        {
            await InitializeAsync(connection, fullPath, cancellationToken).ConfigureAwait(false);
            holdsEntries = await HoldsEntriesAsync(connection, scope, cancellationToken).ConfigureAwait(false);
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

        return new SqliteResponseCache(fullPath, readConnectionString, connection, scope, holdsEntries, timeProvider ?? TimeProvider.System);
    }

    private static async Task InitializeAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // Immediate: the version is read under the write lock, so two processes never upgrade the same file twice.
        await using var transaction = connection.BeginTransaction(deferred: false);
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new InvalidDataException(
                $"The response cache {path} has schema version {version}, newer than this tool's {SchemaVersion}. " +
                "Use a newer tool or delete the file to start a fresh cache.");
        }

        // Schema 1 had one entry per request hash and no served model or run: its entries move over as written by no
        // run with an unreported served model, so a shared cache (judge outputs) keeps them, and a run reusing other
        // runs' answers finds them only where the server reports no model either.
        command.CommandText = version == 1
            ? "ALTER TABLE responses RENAME TO responses_v1;" + CreateTable +
              "INSERT INTO responses (request_hash, served_model, run_id, status, text, finish_reason, input_tokens, output_tokens, created_unix_ms) " +
              "SELECT request_hash, '', NULL, status, text, finish_reason, input_tokens, output_tokens, created_unix_ms FROM responses_v1;" +
              "DROP TABLE responses_v1;" + $"PRAGMA user_version={SchemaVersion};"
            : CreateTable + $"PRAGMA user_version={SchemaVersion};";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private const string CreateTable =
        "CREATE TABLE IF NOT EXISTS responses (" +
        " request_hash TEXT NOT NULL," +
        " served_model TEXT NOT NULL," +
        " run_id TEXT," +
        " status TEXT NOT NULL," +
        " text TEXT," +
        " finish_reason TEXT," +
        " input_tokens INTEGER," +
        " output_tokens INTEGER," +
        " created_unix_ms INTEGER NOT NULL," +
        " PRIMARY KEY (request_hash, served_model)" +
        ") WITHOUT ROWID;" +
        "CREATE INDEX IF NOT EXISTS responses_by_run ON responses (run_id);";

    private static async Task<bool> HoldsEntriesAsync(SqliteConnection connection, ResponseCacheScope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        if (scope.RunId is null || scope.ReuseOtherRuns)
        {
            command.CommandText = "SELECT EXISTS (SELECT 1 FROM responses)";
        }
        else
        {
            command.CommandText = "SELECT EXISTS (SELECT 1 FROM responses WHERE run_id = $run)";
            command.Parameters.AddWithValue("$run", scope.RunId);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    private static Exception Translate(SqliteException ex, string path, string action) =>
        ex.SqliteErrorCode is 26 or 11
            ? new InvalidDataException(
                $"The response cache {path} is corrupt or not a SQLite database ({action} failed: {ex.Message}). " +
                "It only holds cached model responses: delete it (and any -wal/-shm files beside it) to start a fresh cache.",
                ex)
            : new IOException($"The response cache {path} could not be used ({action} failed: {ex.Message}).", ex);
}
