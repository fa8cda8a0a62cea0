using DuckDB.NET.Data;
using MultiTrust.Core.Storage;
using MultiTrust.Sinks.Results;

namespace MultiTrust.Sinks.DuckDb;

/// <summary>
/// Writes <c>&lt;out&gt;/catalog.duckdb</c>: a DuckDB database that holds only the views of <see cref="CatalogViews"/>
/// (no data), so analysts can open it with any DuckDB client. The file is rebuilt from scratch under a temporary name
/// and renamed over the old one. It is never the write path of results; refresh it after runs finish.
/// </summary>
public sealed class Catalog
{
    public const string FileName = "catalog.duckdb";

    private readonly CatalogViews _views;

    public Catalog(CatalogViews? views = null) => _views = views ?? new CatalogViews();

    /// <returns>The absolute path of the catalog file.</returns>
    /// <exception cref="QueryException">DuckDB rejected a view definition.</exception>
    public async Task<string> RefreshAsync(string outDir, CancellationToken cancellationToken = default)
    {
        outDir = Path.GetFullPath(outDir);
        Directory.CreateDirectory(outDir);
        var finalPath = Path.Combine(outDir, FileName);
        var tempPath = ParquetFiles.TempPathFor(finalPath);
        try
        {
            await using (var connection = new DuckDBConnection(new DuckDBConnectionStringBuilder { DataSource = tempPath }.ToString()))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await DuckDbViews.CreateAsync(connection, _views.BuildStatements(outDir), cancellationToken).ConfigureAwait(false);
                await DuckDbViews.ExecuteAsync(connection, "CHECKPOINT", cancellationToken).ConfigureAwait(false);
            }

            // A write-ahead log left beside an older catalog would be replayed into the new file: remove it first.
            ParquetFiles.TryDelete(finalPath + ".wal");
            AtomicFile.Publish(tempPath, finalPath, overwrite: true);
        }
        finally
        {
            ParquetFiles.TryDelete(tempPath);
            ParquetFiles.TryDelete(tempPath + ".wal");
        }

        return finalPath;
    }
}
