using System.Collections.Immutable;
using MultiTrust.Core.Records;
using MultiTrust.Sinks.DuckDb;
using MultiTrust.Sinks.Results;
using Parquet;

namespace MultiTrust.Sinks.Tests.Results;

public sealed class ParquetResultSinkRowGroupTests
{
    private static readonly ParquetSinkOptions s_smallGroups = new() { RowGroupRows = 3 };

    [Fact]
    public async Task CommitAsync_AfterSeveralRowGroupFlushes_WritesOnePartPerTableAndTaskWithEveryRow()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        var items = Enumerable.Range(0, 10).Select(i => TestItems.Full($"a{i:00}"))
            .Concat(Enumerable.Range(0, 4).Select(i => TestItems.Nulls($"b{i:00}")))
            .ToList();
        await using (var sink = new ParquetResultSink(runDir, "r1", options: s_smallGroups))
        {
            foreach (var item in items)
            {
                await sink.WriteAsync(item, default);
            }

            Assert.Equal(0L, sink.NextSeq);
            await sink.CommitAsync(default);
            Assert.Equal(1L, sink.NextSeq);
            Assert.Equal(0, sink.PendingItems);
        }

        var store = new RunStore();
        var marker = Assert.Single(store.ReadCommits(runDir));
        var expected = new[]
        {
            ("samples/task=t1-basic/part-0-000000.parquet", 10L, 4),
            ("responses/task=t1-basic/part-0-000000.parquet", 10L, 4),
            ("judgments/task=t1-basic/part-0-000000.parquet", 20L, 5), // two rows per item: groups of 4
            ("samples/task=t2-other/part-0-000000.parquet", 4L, 2),
            ("responses/task=t2-other/part-0-000000.parquet", 4L, 2),
            ("judgments/task=t2-other/part-0-000000.parquet", 4L, 2),
        };
        var actual = new List<(string, long, int)>();
        foreach (var part in marker.Parts)
        {
            await using var reader = await ParquetReader.CreateAsync(Path.Combine(runDir, part.Path));
            actual.Add((part.Path, part.Rows, reader.RowGroupCount));
        }

        Assert.Equal(expected.Order(), actual.Order());
        Assert.Empty(Directory.EnumerateFiles(runDir, ".tmp-*", SearchOption.AllDirectories));
        Assert.Equal(items.Select(i => i.Response), await store.ReadResponsesAsync(runDir).OrderBy(r => r.SampleId).ToListAsync());
        Assert.Equal(items.SelectMany(i => i.Judgments).OrderBy(j => j.SampleId).ThenBy(j => j.JudgeId),
            (await store.ReadJudgmentsAsync(runDir).ToListAsync()).OrderBy(j => j.SampleId).ThenBy(j => j.JudgeId));
        Assert.Equal(14, (await store.ReadCompletedKeysAsync(runDir)).Count);
        var samples = await new QueryRunner().RunAsync(temp.Path, "SELECT count(*) FROM samples");
        Assert.Equal(14L, Convert.ToInt64(samples.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task CommitAsync_SecondIntervalAfterFlushes_WritesTheNextSequenceWithOnlyItsRows()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        await using (var sink = new ParquetResultSink(runDir, "r1", options: s_smallGroups))
        {
            for (var i = 0; i < 7; i++)
            {
                await sink.WriteAsync(TestItems.Full($"a{i}"), default);
            }

            await sink.CommitAsync(default);
            for (var i = 0; i < 4; i++)
            {
                await sink.WriteAsync(TestItems.Full($"b{i}"), default);
            }

            await sink.CommitAsync(default);
        }

        var commits = new RunStore().ReadCommits(runDir);

        Assert.Equal([0L, 1L], commits.Select(c => c.Seq));
        Assert.Equal([7L, 7L, 14L], commits[0].Parts.Select(p => p.Rows));
        Assert.Equal([4L, 4L, 8L], commits[1].Parts.Select(p => p.Rows));
        Assert.Equal(11, await new RunStore().ReadResponsesAsync(runDir).CountAsync());
    }

    [Fact]
    public async Task WriteAsync_MoreItemsThanRowGroupRows_KeepsFewerThanRowGroupRowsInEachBuffer()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        await using var sink = new ParquetResultSink(runDir, "r1", options: new ParquetSinkOptions { RowGroupRows = 4 });

        for (var i = 0; i < 25; i++)
        {
            await sink.WriteAsync(TestItems.Full($"s{i}"), default);
            Assert.InRange(sink.LargestBufferRows, 0, 3);
        }

        Assert.Equal(25, sink.PendingItems);
        Assert.InRange(sink.BufferedRows, 0, 3 * 3);
        Assert.Equal(3, Directory.EnumerateFiles(runDir, ".tmp-part-0-000000.parquet.*", SearchOption.AllDirectories).Count());
        Assert.Empty(Directory.EnumerateFiles(runDir, "part-*", SearchOption.AllDirectories));
        Assert.Empty(new RunStore().ReadCommits(runDir));
    }

    [Fact]
    public async Task WriteAsync_JudgmentWithInvalidTaskId_ThrowsAndBuffersNothingOfTheItem()
    {
        using var temp = new TempDirectory();
        await using var sink = new ParquetResultSink(temp.RunDir("r1"), "r1");
        var item = TestItems.Full("s1");
        var bad = item with { Judgments = [item.Judgments[0] with { TaskId = "a/b" }] };

        await Assert.ThrowsAsync<ArgumentException>(() => sink.WriteAsync(bad, default).AsTask());

        Assert.Equal((0, 0), (sink.PendingItems, sink.BufferedRows));
        await sink.WriteAsync(item, default);
        Assert.Equal(4, sink.BufferedRows);
    }

    [Fact]
    public async Task WriteAsync_TaskFolderReplacedByFile_ThrowsBreaksTheSinkAndKeepsEarlierCommits()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        var sink = new ParquetResultSink(runDir, "r1", options: new ParquetSinkOptions { RowGroupRows = 2 });
        await using (sink)
        {
            await sink.WriteAsync(TestItems.Full("s1"), default);
            await sink.CommitAsync(default);
            Directory.CreateDirectory(Path.Combine(runDir, "responses"));
            File.WriteAllText(Path.Combine(runDir, "responses", "task=t2-other"), "not a folder");
            await sink.WriteAsync(TestItems.Nulls("n1"), default);

            var error = await Assert.ThrowsAsync<IOException>(() => sink.WriteAsync(TestItems.Nulls("n2"), default).AsTask());

            var later = await Assert.ThrowsAsync<InvalidOperationException>(() => sink.WriteAsync(TestItems.Full("s3"), default).AsTask());
            Assert.Same(error, later.InnerException);
            Assert.Same(error, (await Assert.ThrowsAsync<InvalidOperationException>(() => sink.CommitAsync(default).AsTask())).InnerException);
        }

        var marker = Assert.Single(new RunStore().ReadCommits(runDir));
        Assert.Equal(0L, marker.Seq);
        Assert.All(marker.Parts, p => Assert.True(File.Exists(Path.Combine(runDir, p.Path))));
        Assert.Equal("s1", Assert.Single(await new RunStore().ReadResponsesAsync(runDir).ToListAsync()).SampleId);
        Assert.Empty(Directory.EnumerateFiles(runDir, ".tmp-*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task CommitAsync_FinalPartNameTaken_ThrowsDeletesTheIntervalsFilesAndWritesNoMarker()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        await using var sink = new ParquetResultSink(runDir, "r1", options: new ParquetSinkOptions { RowGroupRows = 2 });
        for (var i = 0; i < 3; i++)
        {
            await sink.WriteAsync(TestItems.Full($"s{i}"), default);
        }

        var blocker = Path.Combine(runDir, "responses", "task=t1-basic", "part-0-000000.parquet");
        Directory.CreateDirectory(blocker);

        var error = await Assert.ThrowsAsync<IOException>(() => sink.CommitAsync(default).AsTask());

        Assert.Empty(new RunStore().ReadCommits(runDir));
        Assert.Empty(Directory.EnumerateFiles(runDir, "*", SearchOption.AllDirectories));
        Assert.Same(error, (await Assert.ThrowsAsync<InvalidOperationException>(() => sink.CommitAsync(default).AsTask())).InnerException);
    }

    [Fact]
    public async Task DisposeAsync_FlushedButUncommittedRows_DeletesTheTemporaryFiles()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        await using (var sink = new ParquetResultSink(runDir, "r1", options: new ParquetSinkOptions { RowGroupRows = 2 }))
        {
            for (var i = 0; i < 5; i++)
            {
                await sink.WriteAsync(TestItems.Full($"s{i}"), default);
            }

            Assert.NotEmpty(Directory.EnumerateFiles(runDir, ".tmp-*", SearchOption.AllDirectories));
        }

        Assert.Empty(Directory.EnumerateFiles(runDir, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Recover_SinkAbandonedBetweenFlushes_RemovesItsTemporaryFilesAndANewSinkResumes()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        var options = new ParquetSinkOptions { RowGroupRows = 2 };
        var abandoned = new ParquetResultSink(runDir, "r1", options: options);
        try
        {
            await abandoned.WriteAsync(TestItems.Full("s0"), default);
            await abandoned.CommitAsync(default);
            for (var i = 1; i < 6; i++)
            {
                await abandoned.WriteAsync(TestItems.Full($"s{i}"), default);
            }

            // As after kill -9: the sink is neither committed nor disposed.
            var removed = new RunStore().Recover(runDir);

            Assert.Equal(3, removed.Count);
            Assert.All(removed, p => Assert.StartsWith(".tmp-part-0-000001.parquet.", Path.GetFileName(p), StringComparison.Ordinal));
            Assert.Empty(Directory.EnumerateFiles(runDir, ".tmp-*", SearchOption.AllDirectories));
            await using (var resumed = new ParquetResultSink(runDir, "r1", options: options))
            {
                Assert.Equal(1L, resumed.NextSeq);
                await resumed.WriteAsync(TestItems.Full("s1"), default);
                await resumed.CommitAsync(default);
            }

            Assert.Equal(["s0", "s1"], await new RunStore().ReadResponsesAsync(runDir).Select(r => r.SampleId).ToListAsync());
        }
        finally
        {
            await abandoned.DisposeAsync(); // releases the file handles only; its files are gone already
        }
    }

    [Fact]
    public void RowGroupRows_LessThanOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParquetSinkOptions { RowGroupRows = 0 });
        Assert.Equal(10_000, ParquetSinkOptions.Default.RowGroupRows);
    }
}
