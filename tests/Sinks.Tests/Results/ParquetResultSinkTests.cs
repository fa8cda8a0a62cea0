using System.Text.Json;
using MultiTrust.Core.Records;
using MultiTrust.Sinks.DuckDb;
using MultiTrust.Sinks.Results;

namespace MultiTrust.Sinks.Tests.Results;

public sealed class ParquetResultSinkTests
{
    [Fact]
    public async Task CommitAsync_ItemsWithAllFieldsAndNulls_ReadersReturnEqualRecords()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        var full = TestItems.Full("s1");
        var nulls = TestItems.Nulls("s2");
        await using (var sink = new ParquetResultSink(runDir, "r1", options: new ParquetSinkOptions { Compression = ParquetCompression.Zstd }))
        {
            await sink.WriteAsync(full, default);
            await sink.WriteAsync(nulls, default);
            await sink.CommitAsync(default);
        }

        var store = new RunStore();
        var responses = await store.ReadResponsesAsync(runDir).ToListAsync();
        var judgments = await store.ReadJudgmentsAsync(runDir).ToListAsync();

        Assert.Equal(new[] { full.Response, nulls.Response }.OrderBy(r => r.SampleId), responses.OrderBy(r => r.SampleId));
        Assert.Equal(full.Judgments.Concat(nulls.Judgments).OrderBy(j => j.SampleId).ThenBy(j => j.JudgeId),
            judgments.OrderBy(j => j.SampleId).ThenBy(j => j.JudgeId));
    }

    [Fact]
    public async Task CommitAsync_SampleRows_StoresEveryFieldInSnakeCaseColumns()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        var full = TestItems.Full("s1");
        await using (var sink = new ParquetResultSink(runDir, "r1"))
        {
            await sink.WriteAsync(full, default);
            await sink.WriteAsync(TestItems.Full("s1", modelId: "model-b", writeSample: false), default);
            await sink.WriteAsync(TestItems.Nulls("s2"), default);
            await sink.CommitAsync(default);
        }

        var result = await new QueryRunner().RunAsync(temp.Path, "SELECT * FROM samples ORDER BY sample_id");

        Assert.Equal(2, result.Rows.Count);
        var row = result.Columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => result.Rows[0][p.i]);
        Assert.Equal("r1", row["run_id"]);
        Assert.Equal("s1", row["sample_id"]);
        Assert.Equal("t1-basic", row["task_id"]);
        Assert.Equal("t1-basic", row["task"]);
        Assert.Equal("truthfulness", row["aspect"]);
        Assert.Equal("T.I", row["sub_aspect"]);
        Assert.Equal(full.Sample.Subset, row["subset"]);
        Assert.Equal(full.Sample.Prompt, row["prompt"]);
        Assert.Equal("aa11,bb22", row["image_sha256s"]);
        Assert.Equal(["/blobs/aa/aa11.png", "/src/b,c.jpg"], JsonSerializer.Deserialize<string[]>((string)row["image_paths"]!)!);
        Assert.Equal("yes", row["expected"]);
        Assert.Equal("Yes.", row["reference"]);
        Assert.Equal(["555-0100", "jane@example.com"], JsonSerializer.Deserialize<string[]>((string)row["secrets"]!)!);
        Assert.Equal("{\"difficulty\":\"é\",\"source\":\"gen\"}", row["metadata"]);
        Assert.Equal("v-s1", row["variant_id"]);
        Assert.Equal("blur", row["variant_name"]);
        Assert.Equal("{\"sigma\":2}", row["variant_params"]);
        Assert.Equal(42L, row["variant_seed"]);
        var empty = result.Columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => result.Rows[1][p.i]);
        Assert.Null(empty["expected"]);
        Assert.Null(empty["reference"]);
        Assert.Equal("[]", empty["secrets"]);
        Assert.Equal("", empty["image_sha256s"]);
    }

    [Fact]
    public async Task CommitAsync_ImagePathRoot_StoresPathsUnderItRelativeAndOthersAsTheyAre()
    {
        using var temp = new TempDirectory();
        var full = TestItems.Full("s1");
        var packed = Path.Combine(temp.Path, "blobs", "packs", "p.pack") + "#44";
        var sibling = temp.Path + "-other" + Path.DirectorySeparatorChar + "x.png"; // shares the folder's name as a prefix only
        ImageRef[] images = [full.Sample.Images[0] with { Path = packed }, full.Sample.Images[1], full.Sample.Images[1] with { Path = sibling }];
        await using (var sink = new ParquetResultSink(temp.RunDir("r1"), "r1", options: new ParquetSinkOptions { ImagePathRoot = temp.Path + Path.DirectorySeparatorChar }))
        {
            await sink.WriteAsync(full with { Sample = full.Sample with { Images = [.. images] } }, default);
            await sink.CommitAsync(default);
        }

        var result = await new QueryRunner().RunAsync(temp.Path, "SELECT image_paths FROM samples");

        Assert.Equal(["blobs/packs/p.pack#44", "/src/b,c.jpg", sibling], JsonSerializer.Deserialize<string[]>((string)result.Rows[0][0]!)!);
    }

    [Fact]
    public async Task CommitAsync_TwoTasks_WritesOnePartPerTableAndTaskThenAMarkerListingThem()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        await using (var sink = new ParquetResultSink(runDir, "r1", "3"))
        {
            await sink.WriteAsync(TestItems.Full("s1"), default);
            await sink.WriteAsync(TestItems.Full("s2"), default);
            await sink.WriteAsync(TestItems.Nulls("s3"), default);
            await sink.CommitAsync(default);
        }

        var marker = Assert.Single(new RunStore().ReadCommits(runDir));
        Assert.Equal(("r1", "3", 0L), (marker.RunId, marker.Shard, marker.Seq));
        var expected = new[]
        {
            ("samples/task=t1-basic/part-3-000000.parquet", 2L),
            ("responses/task=t1-basic/part-3-000000.parquet", 2L),
            ("judgments/task=t1-basic/part-3-000000.parquet", 4L),
            ("samples/task=t2-other/part-3-000000.parquet", 1L),
            ("responses/task=t2-other/part-3-000000.parquet", 1L),
            ("judgments/task=t2-other/part-3-000000.parquet", 1L),
        };
        Assert.Equal(expected.Order(), marker.Parts.Select(p => (p.Path, p.Rows)).Order());
        Assert.All(marker.Parts, p => Assert.True(File.Exists(Path.Combine(runDir, p.Path))));
        Assert.True(File.Exists(Path.Combine(runDir, "_commits", "3-000000.json")));
        Assert.Empty(Directory.EnumerateFiles(runDir, ".tmp-*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Constructor_RunWithEarlierCommits_ContinuesTheShardSequence()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var sink = new ParquetResultSink(runDir, "r1");
            await sink.WriteAsync(TestItems.Full($"a{attempt}"), default);
            await sink.CommitAsync(default);
            await sink.WriteAsync(TestItems.Full($"b{attempt}"), default);
            await sink.CommitAsync(default);
        }

        await using var otherShard = new ParquetResultSink(runDir, "r1", "1");

        Assert.Equal([0L, 1L, 2L, 3L], new RunStore().ReadCommits(runDir).Select(m => m.Seq));
        Assert.Equal(0L, otherShard.NextSeq);
        Assert.Equal(4, await new RunStore().ReadResponsesAsync(runDir).CountAsync());
    }

    [Fact]
    public async Task CommitAsync_NothingWritten_WritesNoMarker()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        await using var sink = new ParquetResultSink(runDir, "r1");

        await sink.CommitAsync(default);

        Assert.Empty(new RunStore().ReadCommits(runDir));
        Assert.Equal(0L, sink.NextSeq);
    }

    [Fact]
    public async Task WriteAsync_TaskIdWithPathSeparator_ThrowsNamingTheTaskAndSample()
    {
        using var temp = new TempDirectory();
        await using var sink = new ParquetResultSink(temp.RunDir("r1"), "r1");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => sink.WriteAsync(TestItems.Full("s9", taskId: "../x"), default).AsTask());

        Assert.Contains("'../x'", error.Message);
        Assert.Contains("'s9'", error.Message);
    }
}
