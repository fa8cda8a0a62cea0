using Microsoft.Data.Sqlite;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Inference.Cache;

namespace MultiTrust.Stages.Tests.Inference.Caching;

/// <summary>Run scope (own entries vs reuse) and the served model in the key of <see cref="SqliteResponseCache"/>.</summary>
public sealed class SqliteResponseCacheScopeTests : IDisposable
{
    private static readonly CachedResponse s_yes = new(ResponseStatus.Answered, "Yes.", "stop", 10, 2);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("mt-cache-scope-");

    private string CachePath => SqliteResponseCache.DefaultPath(_directory.FullName);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    private async Task PutAsync(ResponseCacheScope scope, string hash, string servedModel, CachedResponse response)
    {
        await using var cache = await SqliteResponseCache.OpenAsync(CachePath, scope);
        await cache.PutAsync(hash, servedModel, response, CancellationToken.None);
    }

    private async Task<CachedResponse?> GetAsync(ResponseCacheScope scope, string hash, string servedModel)
    {
        await using var cache = await SqliteResponseCache.OpenAsync(CachePath, scope);
        return await cache.TryGetAsync(hash, servedModel, CancellationToken.None);
    }

    [Fact]
    public async Task TryGetAsync_RunWithoutReuse_FindsOnlyItsOwnEntries()
    {
        await PutAsync(ResponseCacheScope.ForRun("monday", reuseOtherRuns: false), "h", "llava", s_yes);

        Assert.Equal(s_yes, await GetAsync(ResponseCacheScope.ForRun("monday", reuseOtherRuns: false), "h", "llava"));
        Assert.Null(await GetAsync(ResponseCacheScope.ForRun("tuesday", reuseOtherRuns: false), "h", "llava"));
    }

    [Fact]
    public async Task TryGetAsync_RunWithReuse_FindsOtherRunsEntries()
    {
        await PutAsync(ResponseCacheScope.ForRun("monday", reuseOtherRuns: false), "h", "llava", s_yes);

        Assert.Equal(s_yes, await GetAsync(ResponseCacheScope.ForRun("tuesday", reuseOtherRuns: true), "h", "llava"));
        Assert.Equal(s_yes, await GetAsync(ResponseCacheScope.Shared, "h", "llava"));
    }

    [Fact]
    public async Task TryGetAsync_OtherServedModel_MissesEvenWithReuse()
    {
        await PutAsync(ResponseCacheScope.ForRun("monday", reuseOtherRuns: false), "h", "llava#fp_1", s_yes);

        Assert.Null(await GetAsync(ResponseCacheScope.ForRun("tuesday", reuseOtherRuns: true), "h", "llava#fp_2"));
        Assert.Null(await GetAsync(ResponseCacheScope.ForRun("monday", reuseOtherRuns: false), "h", "llava"));
    }

    [Fact]
    public async Task PutAsync_SameRequestTwoServedModels_BothKept()
    {
        var no = s_yes with { Text = "No." };
        await PutAsync(ResponseCacheScope.Shared, "h", "weights-a", s_yes);
        await PutAsync(ResponseCacheScope.Shared, "h", "weights-b", no);

        Assert.Equal(s_yes, await GetAsync(ResponseCacheScope.Shared, "h", "weights-a"));
        Assert.Equal(no, await GetAsync(ResponseCacheScope.Shared, "h", "weights-b"));
    }

    [Fact]
    public async Task MayAnswer_NewRunOnAFullCache_FalseUntilItsFirstPut()
    {
        await PutAsync(ResponseCacheScope.ForRun("monday", reuseOtherRuns: false), "h", "m", s_yes);
        await using var tuesday = await SqliteResponseCache.OpenAsync(CachePath, ResponseCacheScope.ForRun("tuesday", reuseOtherRuns: false));
        await using var reusing = await SqliteResponseCache.OpenAsync(CachePath, ResponseCacheScope.ForRun("wednesday", reuseOtherRuns: true));
        await using var resumed = await SqliteResponseCache.OpenAsync(CachePath, ResponseCacheScope.ForRun("monday", reuseOtherRuns: false));

        var before = tuesday.MayAnswer;
        await tuesday.PutAsync("h2", "m", s_yes, CancellationToken.None);

        Assert.False(before);
        Assert.True(tuesday.MayAnswer);
        Assert.True(reusing.MayAnswer);
        Assert.True(resumed.MayAnswer);
    }

    [Fact]
    public async Task OpenAsync_SchemaVersion1File_EntriesKeptAsWrittenByNoRunWithUnreportedServedModel()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CachePath)!);
        await using (var connection = new SqliteConnection($"Data Source={CachePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                "CREATE TABLE responses (request_hash TEXT NOT NULL PRIMARY KEY, status TEXT NOT NULL, text TEXT, finish_reason TEXT," +
                " input_tokens INTEGER, output_tokens INTEGER, created_unix_ms INTEGER NOT NULL) WITHOUT ROWID;" +
                "INSERT INTO responses VALUES ('judge-key', 'answered', 'unsafe', 'stop', 5, 1, 1700000000000);" +
                "PRAGMA user_version=1;";
            await command.ExecuteNonQueryAsync();
        }

        await using (var judges = await SqliteResponseCache.OpenAsync(CachePath))
        {
            Assert.Equal("unsafe", (await judges.TryGetAsync("judge-key", CancellationToken.None))?.Text);
            Assert.Null(await judges.TryGetAsync("judge-key", "llava", CancellationToken.None));
        }

        Assert.Null(await GetAsync(ResponseCacheScope.ForRun("new-run", reuseOtherRuns: false), "judge-key", ""));
        Assert.Equal("unsafe", (await GetAsync(ResponseCacheScope.ForRun("new-run", reuseOtherRuns: true), "judge-key", ""))?.Text);
    }
}
