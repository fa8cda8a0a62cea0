using DuckDB.NET.Data;

namespace MultiTrust.Sinks.DuckDb;

/// <summary>Runs the view statements on an open connection, turning DuckDB errors into <see cref="QueryException"/>.</summary>
internal static class DuckDbViews
{
    public static async Task CreateAsync(DuckDBConnection connection, IEnumerable<string> statements, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            await ExecuteAsync(connection, statement, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DuckDBException ex)
        {
            throw new QueryException(ex.Message, sql, ex);
        }
    }
}
