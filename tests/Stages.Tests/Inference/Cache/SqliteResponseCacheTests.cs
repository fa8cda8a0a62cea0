using MultiTrust.Core.Records;
using MultiTrust.Stages.Inference.Cache;

namespace MultiTrust.Stages.Tests.Inference.Caching;

public sealed class SqliteResponseCacheTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("mt-cache-");

    private string CachePath => SqliteResponseCache.DefaultPath(_directory.FullName);

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void DefaultPath_OutputDirectory_IsCacheResponsesSqlite()
    {
        Assert.Equal(Path.Combine("/out", "cache", "responses.sqlite"), SqliteResponseCache.DefaultPath("/out"));
    }

    [Fact]
    public async Task TryGetAsync_UnknownHash_Null()
    {
        await using var cache = await SqliteResponseCache.OpenAsync(CachePath);

        Assert.Null(await cache.TryGetAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task TryGetAsync_AfterPutBeforeFlush_ReturnsEntry()
    {
        await using var cache = await SqliteResponseCache.OpenAsync(CachePath);
        var entry = new CachedResponse(ResponseStatus.Answered, "Yes.", "stop", 10, 2);

        await cache.PutAsync("h1", entry, CancellationToken.None);

        Assert.Equal(entry, await cache.TryGetAsync("h1", CancellationToken.None));
    }

    [Theory]
    [InlineData(ResponseStatus.Answered, "Yes, it is.", "stop")]
    [InlineData(ResponseStatus.Truncated, "Step 1: take", "length")]
    [InlineData(ResponseStatus.ContentFiltered, null, "content_filter")]
    [InlineData(ResponseStatus.Empty, null, "stop")]
    public async Task PutAsync_CacheableStatus_SurvivesReopen(ResponseStatus status, string? text, string finish)
    {
        var entry = new CachedResponse(status, text, finish, 123, null);
        await using (var cache = await SqliteResponseCache.OpenAsync(CachePath))
        {
            await cache.PutAsync("hash-" + status, entry, CancellationToken.None);
            await cache.FlushAsync(CancellationToken.None);
        }

        await using var reopened = await SqliteResponseCache.OpenAsync(CachePath);
        Assert.Equal(entry, await reopened.TryGetAsync("hash-" + status, CancellationToken.None));
    }

    [Theory]
    [InlineData(ResponseStatus.Error)]
    [InlineData(ResponseStatus.Timeout)]
    public async Task PutAsync_ErrorOrTimeout_NotStored(ResponseStatus status)
    {
        await using (var cache = await SqliteResponseCache.OpenAsync(CachePath))
        {
            await cache.PutAsync("failed", new CachedResponse(status, null, null, null, null), CancellationToken.None);
            Assert.Null(await cache.TryGetAsync("failed", CancellationToken.None));
        }

        await using var reopened = await SqliteResponseCache.OpenAsync(CachePath);
        Assert.Null(await reopened.TryGetAsync("failed", CancellationToken.None));
    }

    [Fact]
    public async Task PutAsync_TextOnStatusWithoutText_TextDropped()
    {
        await using var cache = await SqliteResponseCache.OpenAsync(CachePath);

        await cache.PutAsync("f", new CachedResponse(ResponseStatus.ContentFiltered, "blocked partial", "content_filter", null, null), CancellationToken.None);
        await cache.FlushAsync(CancellationToken.None);

        Assert.Null((await cache.TryGetAsync("f", CancellationToken.None))!.Text);
    }

    [Fact]
    public async Task DisposeAsync_WithoutFlush_CommitsPendingPuts()
    {
        await using (var cache = await SqliteResponseCache.OpenAsync(CachePath))
        {
            for (var i = 0; i < 1200; i++)
            {
                await cache.PutAsync($"h{i}", new CachedResponse(ResponseStatus.Answered, $"answer {i}", "stop", i, 1), CancellationToken.None);
            }
        }

        await using var reopened = await SqliteResponseCache.OpenAsync(CachePath);
        Assert.Equal("answer 0", (await reopened.TryGetAsync("h0", CancellationToken.None))?.Text);
        Assert.Equal("answer 1199", (await reopened.TryGetAsync("h1199", CancellationToken.None))?.Text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    public async Task PutAndGet_ConcurrentTasks_EveryEntryReadBackAndPersisted(int tasks)
    {
        const int perTask = 150;
        await using (var cache = await SqliteResponseCache.OpenAsync(CachePath))
        {
            await Parallel.ForAsync(0, tasks, async (t, ct) =>
            {
                for (var i = 0; i < perTask; i++)
                {
                    var key = $"t{t}-{i}";
                    await cache.PutAsync(key, new CachedResponse(ResponseStatus.Answered, key, "stop", t, i), ct);
                    var back = await cache.TryGetAsync(key, ct);
                    Assert.Equal(key, back?.Text);
                    if (i % 50 == 0)
                    {
                        await cache.FlushAsync(ct);
                    }
                }
            });
        }

        await using var reopened = await SqliteResponseCache.OpenAsync(CachePath);
        var found = 0;
        for (var t = 0; t < tasks; t++)
        {
            for (var i = 0; i < perTask; i++)
            {
                var entry = await reopened.TryGetAsync($"t{t}-{i}", CancellationToken.None);
                if (entry is { OutputTokens: var output, InputTokens: var input } && output == i && input == t)
                {
                    found++;
                }
            }
        }

        Assert.Equal(tasks * perTask, found);
    }

    [Fact]
    public async Task OpenAsync_CorruptFile_InvalidDataNamingFileAndHint()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CachePath)!);
        await File.WriteAllTextAsync(CachePath, string.Concat(Enumerable.Repeat("this is not a sqlite database. ", 300)));

        var ex = await Assert.ThrowsAsync<InvalidDataException>(async () => await SqliteResponseCache.OpenAsync(CachePath));

        Assert.Contains(CachePath, ex.Message, StringComparison.Ordinal);
        Assert.Contains("delete it", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var cache = await SqliteResponseCache.OpenAsync(CachePath);
        await cache.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(
            async () => await cache.PutAsync("h", new CachedResponse(ResponseStatus.Answered, "x", "stop", null, null), CancellationToken.None));
    }

    [Fact]
    public async Task OpenAsync_TwoCachesOnOneFile_SeeEachOthersFlushedEntries()
    {
        await using var writer = await SqliteResponseCache.OpenAsync(CachePath);
        await using var reader = await SqliteResponseCache.OpenAsync(CachePath);

        await writer.PutAsync("shared", new CachedResponse(ResponseStatus.Answered, "No.", "stop", null, null), CancellationToken.None);
        await writer.FlushAsync(CancellationToken.None);

        Assert.Equal("No.", (await reader.TryGetAsync("shared", CancellationToken.None))?.Text);
    }
}
