using DuckDB.NET.Data;
using MultiTrust.Sinks.DuckDb;

namespace MultiTrust.Sinks.Tests.DuckDb;

public sealed class CatalogTests
{
    [Fact]
    public async Task RefreshAsync_RunWithResults_WritesCatalogWhoseViewsWorkFromAnotherConnection()
    {
        using var temp = new TempDirectory();
        await QueryRunnerTests.WriteRunAsync(temp.RunDir("r1"), "r1", TestItems.Full("s1"), TestItems.Nulls("s2"));
        var catalog = new Catalog();
        await catalog.RefreshAsync(temp.Path);

        var path = await catalog.RefreshAsync(temp.Path);

        await using var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM judgments), (SELECT count(*) FROM metrics)";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((3L, 0L), (reader.GetInt64(0), reader.GetInt64(1)));
    }
}
