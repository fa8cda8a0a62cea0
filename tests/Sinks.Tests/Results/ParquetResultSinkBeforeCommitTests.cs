using MultiTrust.Sinks.Results;

namespace MultiTrust.Sinks.Tests.Results;

/// <summary><see cref="ParquetSinkOptions.BeforeCommit"/>: what committed rows refer to is made durable before they are published.</summary>
public sealed class ParquetResultSinkBeforeCommitTests
{
    [Fact]
    public async Task CommitAsync_WithRows_CallsBeforeCommitOnceBeforeAnyPartOrMarkerIsPublished()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        var published = new List<int>();
        var options = new ParquetSinkOptions
        {
            BeforeCommit = _ =>
            {
                published.Add(Directory.Exists(runDir) ? Directory.EnumerateFiles(runDir, "*", SearchOption.AllDirectories)
                    .Count(p => p.EndsWith(".parquet", StringComparison.Ordinal) || p.Contains("_commits", StringComparison.Ordinal)) : 0);
                return ValueTask.CompletedTask;
            },
        };
        await using (var sink = new ParquetResultSink(runDir, "r1", options: options))
        {
            await sink.WriteAsync(TestItems.Full("s1"), default);
            await sink.CommitAsync(default);
            await sink.CommitAsync(default); // nothing new: no commit, no call
            await sink.WriteAsync(TestItems.Full("s2"), default);
            await sink.CommitAsync(default);
        }

        Assert.Equal(2, published.Count);
        Assert.Equal(0, published[0]);
        Assert.Equal(2, (await new RunStore().ReadResponsesAsync(runDir).ToListAsync()).Count);
    }

    [Fact]
    public async Task CommitAsync_BeforeCommitFails_NoMarkerAndTheErrorPropagates()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        var options = new ParquetSinkOptions { BeforeCommit = _ => throw new IOException("syncfs of /out/blobs failed") };
        await using var sink = new ParquetResultSink(runDir, "r1", options: options);
        await sink.WriteAsync(TestItems.Full("s1"), default);

        var error = await Assert.ThrowsAsync<IOException>(async () => await sink.CommitAsync(default));

        Assert.Contains("syncfs", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(runDir, "_commits")) && Directory.EnumerateFiles(Path.Combine(runDir, "_commits")).Any());
        Assert.Empty(await new RunStore().ReadResponsesAsync(runDir).ToListAsync());
    }
}
