using MultiTrust.Core.Records;
using MultiTrust.Sinks.Metrics;
using MultiTrust.Sinks.Results;
using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Tests.Results;

public sealed class RunStoreTests
{
    [Fact]
    public async Task Recover_OrphanPartAndTemporaryFiles_DeletesThemAndKeepsCommittedParts()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        await using (var sink = new ParquetResultSink(runDir, "r1"))
        {
            await sink.WriteAsync(TestItems.Full("s1"), default);
            await sink.CommitAsync(default);
        }

        var committed = Path.Combine(runDir, "responses", "task=t1-basic", "part-0-000000.parquet");
        var orphan = Path.Combine(runDir, "responses", "task=t1-basic", "part-0-000001.parquet");
        var tempPart = Path.Combine(runDir, "judgments", "task=t1-basic", ".tmp-part-0-000001.parquet.abc");
        var tempMarker = Path.Combine(runDir, "_commits", ".tmp-0-000001.json.abc");
        File.Copy(committed, orphan);
        File.WriteAllText(tempPart, "partial");
        File.WriteAllText(tempMarker, "{");

        var removed = new RunStore().Recover(runDir);

        Assert.Equal(new[] { orphan, tempPart, tempMarker }.Order(), removed.Order());
        Assert.All(removed, p => Assert.False(File.Exists(p)));
        Assert.True(File.Exists(committed));
        Assert.Single(await new RunStore().ReadResponsesAsync(runDir).ToListAsync());
    }

    [Fact]
    public async Task Recover_OneShard_DeletesOnlyThatShardsUncommittedFiles()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        await using (var sink = new ParquetResultSink(runDir, "r1", "1"))
        {
            await sink.WriteAsync(TestItems.Full("s1"), default);
            await sink.CommitAsync(default);
        }

        var tasks = Path.Combine(runDir, "responses", "task=t1-basic");
        var committed = Path.Combine(tasks, "part-1-000000.parquet");
        string[] mine =
        [
            Path.Combine(tasks, "part-1-000001.parquet"),
            Path.Combine(tasks, ".tmp-part-1-000001.parquet.abc"),
            Path.Combine(runDir, "_commits", ".tmp-1-000001.json.abc"),
        ];
        string[] others =
        [
            Path.Combine(tasks, "part-10-000000.parquet"),
            Path.Combine(tasks, ".tmp-part-2-000000.parquet.abc"),
            Path.Combine(tasks, ".tmp-part-11-000004.parquet.abc"),
            Path.Combine(runDir, "_commits", ".tmp-2-000000.json.abc"),
            Path.Combine(runDir, ".tmp-run.json.abc"),
        ];
        foreach (var path in mine.Concat(others))
        {
            File.WriteAllText(path, "being written");
        }

        var removed = new RunStore().Recover(runDir, "1");

        Assert.Equal(mine.Order(StringComparer.Ordinal), removed.Order(StringComparer.Ordinal));
        Assert.All(others.Append(committed), p => Assert.True(File.Exists(p), p));
    }

    [Fact]
    public async Task Recover_TemporaryFilesOfWholeFileWrites_DeletesThemAndKeepsCommittedFiles()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        await new MetricsTableWriter().WriteMetricsAsync(runDir, [new MetricRow("r1", "m1", "t1-basic", "all", "accuracy", 0.5, 2, null, null, 0)]);
        await new PairedTableWriter().WriteAsync(
            runDir, [new PerturbationEffectRow("r1", "m1", "t1-basic", "accuracy", "noise@3", 2, 0.5, 0, -0.5, -0.9, 0.2, 1, 0, 1)]);
        await File.WriteAllTextAsync(Path.Combine(runDir, "run.json"), "{}");
        await File.WriteAllTextAsync(Path.Combine(runDir, "notes.tmp"), "kept");
        string[] temps =
        [
            Path.Combine(runDir, ".tmp-paired.parquet.0123456789abcdef0123456789abcdef"),
            Path.Combine(runDir, ".tmp-metrics.parquet.0123456789abcdef0123456789abcdef"),
            Path.Combine(runDir, ".tmp-scores.parquet.abc"),
            Path.Combine(runDir, ".tmp-run.json.abc"),
            Path.Combine(runDir, ".tmp-report.html.abc"),
        ];
        foreach (var path in temps)
        {
            await File.WriteAllTextAsync(path, "partial");
        }

        var removed = new RunStore().Recover(runDir);

        Assert.Equal(temps.Order(StringComparer.Ordinal), removed.Order(StringComparer.Ordinal));
        Assert.All(temps, p => Assert.False(File.Exists(p)));
        Assert.Equal(["metrics.parquet", "notes.tmp", "paired.parquet", "run.json"],
            Directory.GetFiles(runDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Single(await new PairedTableWriter().ReadAsync(runDir));
        Assert.Single(await new MetricsTableWriter().ReadMetricsAsync(runDir));
    }

    [Fact]
    public async Task ReadResponsesAsync_UncommittedPartPresent_ReadsOnlyCommittedParts()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        await using (var sink = new ParquetResultSink(runDir, "r1"))
        {
            await sink.WriteAsync(TestItems.Full("s1"), default);
            await sink.CommitAsync(default);
        }

        var tasks = Path.Combine(runDir, "responses", "task=t1-basic");
        File.Copy(Path.Combine(tasks, "part-0-000000.parquet"), Path.Combine(tasks, "part-7-000000.parquet"));

        Assert.Single(await new RunStore().ReadResponsesAsync(runDir).ToListAsync());
    }

    [Fact]
    public async Task ReadCompletedKeysAsync_CommittedAndUncommittedItems_ContainsExactlyTheCommittedKeys()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        await using (var sink = new ParquetResultSink(runDir, "r1"))
        {
            await sink.WriteAsync(TestItems.Full("s1", modelId: "m1"), default);
            await sink.WriteAsync(TestItems.Full("s1", modelId: "m2", writeSample: false), default);
            await sink.CommitAsync(default);
            await sink.WriteAsync(TestItems.Nulls("s2"), default);
            await sink.CommitAsync(default);
            await sink.WriteAsync(TestItems.Full("s3"), default);
        }

        var keys = await new RunStore().ReadCompletedKeysAsync(runDir);

        Assert.Equal(3, keys.Count);
        Assert.True(keys.Contains("s1", "v-s1", "m1"));
        Assert.True(keys.Contains("s1", "v-s1", "m2"));
        Assert.True(keys.Contains("s2", "clean", "model-b"));
        Assert.False(keys.Contains("s3", "v-s3", "model-a"));
        Assert.False(keys.Contains("s1", "clean", "m1"));
    }
}
