using DuckDB.NET.Data;

namespace MultiTrust.Sinks.DuckDb;

/// <summary>
/// Runs SQL over the results under an output folder: opens an in-memory DuckDB database, creates the catalog views
/// (<see cref="CatalogViews"/>) over the files committed at that moment, runs the SQL and returns every row.
/// Stateless and thread-safe; each call uses its own connection.
/// </summary>
public sealed class QueryRunner
{
    private readonly CatalogViews _views;

    public QueryRunner(CatalogViews? views = null) => _views = views ?? new CatalogViews();

    /// <exception cref="QueryException">DuckDB rejected the SQL (or a view definition).</exception>
    public async Task<QueryResult> RunAsync(string outDir, string sql, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        await using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await DuckDbViews.CreateAsync(connection, _views.BuildStatements(outDir), cancellationToken).ConfigureAwait(false);

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var columns = new string[reader.FieldCount];
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = reader.GetName(i);
            }

            var rows = new List<object?[]>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = new object?[columns.Length];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            return new QueryResult(columns, rows);
        }
        catch (DuckDBException ex)
        {
            throw new QueryException(ex.Message, sql, ex);
        }
    }
}
