using MultiTrust.Stages.Inference.Cache;

namespace MultiTrust.Stages.Tests.Inference.Caching;

/// <summary>The put filter that lets a cache opened over an empty scope skip SQLite for keys it never put.</summary>
public sealed class PutFilterTests
{
    [Fact]
    public void MayContain_EveryAddedKey_NeverFalse()
    {
        var filter = new PutFilter();
        var keys = Enumerable.Range(0, 200_000).Select(i => Convert.ToHexString(BitConverter.GetBytes(i * 7919L))).ToArray();
        Parallel.ForEach(keys, filter.Add);

        Assert.All(keys, k => Assert.True(filter.MayContain(k), k));
    }

    [Fact]
    public void MayContain_KeysNeverAdded_MostlyFalse()
    {
        var filter = new PutFilter();
        for (var i = 0; i < 200_000; i++)
        {
            filter.Add($"put-{i}");
        }

        var falsePositives = Enumerable.Range(0, 100_000).Count(i => filter.MayContain($"other-{i}"));

        // 200k keys in 2^25 bits with 3 probes: about 0.0005% expected; 0.1% leaves room and still shows the skip works.
        Assert.InRange(falsePositives, 0, 100);
    }

    [Fact]
    public async Task TryGetAsync_FreshRunScope_FindsWhatItPutAfterTheWriterCommitted()
    {
        var directory = Directory.CreateTempSubdirectory("mt-put-filter-");
        try
        {
            var path = SqliteResponseCache.DefaultPath(directory.FullName);
            var response = new CachedResponse(MultiTrust.Core.Records.ResponseStatus.Answered, "Yes.", "stop", 1, 1);
            await using (var cache = await SqliteResponseCache.OpenAsync(path, new ResponseCacheScope("run-a", ReuseOtherRuns: false)))
            {
                Assert.False(cache.MayAnswer);
                Assert.Null(await cache.TryGetAsync("h1", "m", CancellationToken.None));
                await cache.PutAsync("h1", "m", response, CancellationToken.None);
                await cache.FlushAsync(CancellationToken.None);

                Assert.Equal(response, await cache.TryGetAsync("h1", "m", CancellationToken.None));
                Assert.Null(await cache.TryGetAsync("h2", "m", CancellationToken.None));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }
}
