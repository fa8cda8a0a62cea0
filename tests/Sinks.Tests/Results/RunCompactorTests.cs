using System.Collections.Immutable;
using MultiTrust.Core.Records;
using MultiTrust.Sinks.DuckDb;
using MultiTrust.Sinks.Results;
using Parquet;

namespace MultiTrust.Sinks.Tests.Results;

/// <summary>
/// <see cref="RunCompactor"/>: the committed rows are the same before and after, whatever step a crash stops it at, and
/// a compaction run again after the crash finishes the job.
/// </summary>
public sealed class RunCompactorTests
{
    private const string RunId = "r1";

    // Every row of every view, each table's rows as text in one sorted list (one DuckDB session per snapshot).
    private static readonly string s_everyRow = "SELECT " + string.Join(", ", new[] { "samples", "responses", "judgments", "judgment_history" }
        .Select(v => $"(SELECT count(*) || ': ' || coalesce(string_agg(CAST(t AS VARCHAR), ' | ' ORDER BY CAST(t AS VARCHAR)), '') FROM {v} t) AS {v}"));

    [Fact]
    public async Task CompactAsync_ManyCommitsOfTwoShards_OnePartPerTableAndTaskWithTheSameRows()
    {
        using var temp = new TempDirectory();
        var runDir = await WriteRunAsync(temp);
        var before = await SnapshotAsync(temp.Path);
        var partsBefore = new RunStore().ReadCommits(runDir).Sum(m => m.Parts.Count);

        var result = await new RunCompactor(new CompactionOptions { RowGroupRows = 4 }).CompactAsync(runDir);

        Assert.Equal(before, await SnapshotAsync(temp.Path));
        Assert.Equal((1L, partsBefore), (result.Generation, result.PartsBefore));
        var commits = new RunStore().ReadCommits(runDir);
        var marker = Assert.Single(commits);
        Assert.True(marker.IsCompaction);
        Assert.Equal(new Dictionary<string, long> { ["0"] = 3, ["1"] = 1 }, marker.Covers);
        Assert.Equal(6, marker.Parts.Count);
        Assert.Equal(marker.Parts.Count, result.PartsAfter);
        Assert.Equal(1, Assert.Single(marker.Parts, p => p.Table == TableNames.Judgments && p.Task == "t1-basic").MaxRevision);
        Assert.Equal([CommitMarker.CompactionFileName(1)], Directory.GetFiles(RunLayout.CommitsDir(runDir)).Select(Path.GetFileName));
        Assert.Equal(marker.Parts.Select(p => RunLayout.FullPath(runDir, p.Path)).Order(), AllParquetFiles(runDir));

        // Row groups of the requested size; only the last one of a part may be smaller.
        var responses = marker.Parts.Single(p => p.Table == TableNames.Responses && p.Task == "t1-basic");
        await using var reader = await ParquetReader.CreateAsync(RunLayout.FullPath(runDir, responses.Path));
        var groups = Enumerable.Range(0, reader.RowGroupCount).Select(i => reader.OpenRowGroupReader(i).RowCount).ToList();
        Assert.Equal(responses.Rows, groups.Sum());
        Assert.True(groups.Count > 1);
        Assert.All(groups[..^1], n => Assert.True(n >= 4));
    }

    [Fact]
    public async Task CompactAsync_CrashAtEachStep_ReadersSeeTheSameRowsAndCompactingAgainFinishes()
    {
        using var template = new TempDirectory();
        var templateRun = await WriteRunAsync(template);
        var expected = await SnapshotAsync(template.Path);
        var steps = new List<CompactionStep>();
        using (var probe = new TempDirectory())
        {
            CopyDirectory(template.Path, probe.Path);
            await new RunCompactor(new CompactionOptions { RowGroupRows = 4, OnStep = (step, _) => steps.Add(step) })
                .CompactAsync(probe.RunDir(RunId));
        }

        Assert.Equal(Enum.GetValues<CompactionStep>().Order(), steps.Distinct().Order());
        for (var crashAt = 0; crashAt < steps.Count; crashAt++)
        {
            using var temp = new TempDirectory();
            CopyDirectory(template.Path, temp.Path);
            var runDir = temp.RunDir(RunId);
            var seen = 0;
            var crashing = new CompactionOptions
            {
                RowGroupRows = 4,
                OnStep = (step, path) =>
                {
                    if (seen++ == crashAt)
                    {
                        throw new SimulatedCrashException($"crash after {step} ({path})");
                    }
                },
            };

            await Assert.ThrowsAsync<SimulatedCrashException>(() => new RunCompactor(crashing).CompactAsync(runDir));

            Assert.Equal(expected, await SnapshotAsync(temp.Path));
            var partsAfterCrash = new RunStore().ReadCommits(runDir).Sum(m => m.Parts.Count);
            Assert.Contains(partsAfterCrash, new[] { 6, new RunStore().ReadCommits(templateRun).Sum(m => m.Parts.Count) });

            var result = await new RunCompactor(new CompactionOptions { RowGroupRows = 4 }).CompactAsync(runDir);

            Assert.Equal(expected, await SnapshotAsync(temp.Path));
            var marker = Assert.Single(new RunStore().ReadCommits(runDir));
            Assert.Equal(1L, marker.Seq);
            Assert.Equal(result.Generation is null ? 6 : result.PartsAfter, marker.Parts.Count);
            Assert.Equal(marker.Parts.Select(p => RunLayout.FullPath(runDir, p.Path)).Order(), AllParquetFiles(runDir));
            Assert.Equal([CommitMarker.CompactionFileName(1)], Directory.GetFiles(RunLayout.CommitsDir(runDir)).Select(Path.GetFileName));
        }
    }

    [Fact]
    public async Task CompactAsync_CrashBeforeMarker_RecoverDeletesTheNewFilesAndKeepsTheOldSet()
    {
        using var temp = new TempDirectory();
        var runDir = await WriteRunAsync(temp);
        var expected = await SnapshotAsync(temp.Path);
        var before = AllParquetFiles(runDir);
        var crashing = new CompactionOptions
        {
            OnStep = (step, path) =>
            {
                if (step == CompactionStep.PartPublished)
                {
                    throw new SimulatedCrashException($"crash after {step} ({path})");
                }
            },
        };
        await Assert.ThrowsAsync<SimulatedCrashException>(() => new RunCompactor(crashing).CompactAsync(runDir));
        Assert.Contains(AllParquetFiles(runDir), p => Path.GetFileName(p).StartsWith("compacted-", StringComparison.Ordinal));

        var removed = new RunStore().Recover(runDir);

        Assert.All(removed, p => Assert.StartsWith("compacted-", Path.GetFileName(p)));
        Assert.Equal(before, AllParquetFiles(runDir));
        Assert.Equal(expected, await SnapshotAsync(temp.Path));
    }

    [Fact]
    public async Task CompactAsync_LeftoversOfACrashedCompaction_DeletesThemAndNeverReadsThem()
    {
        using var temp = new TempDirectory();
        var runDir = await WriteRunAsync(temp);
        var expected = await SnapshotAsync(temp.Path);
        var someCommitted = new RunStore().CommittedParts(runDir, TableNames.Responses)[0];
        var folder = Path.GetDirectoryName(someCommitted)!;
        string[] leftovers =
        [
            Path.Combine(folder, "compacted-g000001.parquet"),
            Path.Combine(folder, ".tmp-compacted-g000001.parquet.0123abcd"),
            Path.Combine(RunLayout.CommitsDir(runDir), ".tmp-compaction-g000001.json.0123abcd"),
        ];
        File.Copy(someCommitted, leftovers[0]);
        File.WriteAllText(leftovers[1], "partial");
        File.WriteAllText(leftovers[2], "{");

        Assert.Equal(expected, await SnapshotAsync(temp.Path));
        var result = await new RunCompactor().CompactAsync(runDir);

        Assert.Equal(expected, await SnapshotAsync(temp.Path));
        Assert.Equal(1L, result.Generation);
        Assert.False(File.Exists(leftovers[1]));
        Assert.False(File.Exists(leftovers[2]));
        Assert.Equal(new RunStore().ReadCommits(runDir).SelectMany(m => m.Parts).Select(p => RunLayout.FullPath(runDir, p.Path)).Order(), AllParquetFiles(runDir));
    }

    [Fact]
    public async Task CompactAsync_ThenMoreCommits_SinkContinuesTheSequenceAndASecondGenerationKeepsEveryRow()
    {
        using var temp = new TempDirectory();
        var runDir = await WriteRunAsync(temp);
        await new RunCompactor().CompactAsync(runDir);

        await using (var sink = new ParquetResultSink(runDir, RunId, "0"))
        {
            Assert.Equal(4, sink.NextSeq);
            await sink.WriteAsync(TestItems.Full("late"), default);
            await sink.CommitAsync(default);
        }

        Assert.Contains("late", await ResponseIdsAsync(runDir));
        var expected = await SnapshotAsync(temp.Path);
        Assert.Equal(2, new RunStore().ReadCommits(runDir).Count);

        var result = await new RunCompactor().CompactAsync(runDir);

        Assert.Equal(2L, result.Generation);
        Assert.Equal(expected, await SnapshotAsync(temp.Path));
        var marker = Assert.Single(new RunStore().ReadCommits(runDir));
        Assert.Equal(new Dictionary<string, long> { ["0"] = 4, ["1"] = 1 }, marker.Covers);
        Assert.Equal([CommitMarker.CompactionFileName(2)], Directory.GetFiles(RunLayout.CommitsDir(runDir)).Select(Path.GetFileName));
        Assert.Equal(marker.Parts.Select(p => RunLayout.FullPath(runDir, p.Path)).Order(), AllParquetFiles(runDir));
        Assert.Equal(12, (await ResponseIdsAsync(runDir)).Count);
    }

    [Fact]
    public async Task CompactAsync_OnePartPerTableAndTask_LeavesTheRunAsItIs()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir(RunId);
        await using (var sink = new ParquetResultSink(runDir, RunId))
        {
            await sink.WriteAsync(TestItems.Full("s1"), default);
            await sink.WriteAsync(TestItems.Nulls("s2"), default);
            await sink.CommitAsync(default);
        }

        var files = AllParquetFiles(runDir);
        var result = await new RunCompactor().CompactAsync(runDir);

        Assert.Equal(new CompactionResult(null, 6, 6, 0, 0), result);
        Assert.Equal(files, AllParquetFiles(runDir));
        Assert.Equal([CommitMarker.FileName("0", 0)], Directory.GetFiles(RunLayout.CommitsDir(runDir)).Select(Path.GetFileName));
    }

    [Fact]
    public async Task CompactAsync_ShardNamedLikeTheCompactionMarker_ItsCommitsAreOrdinaryAndCompacted()
    {
        using var temp = new TempDirectory();
        var runDir = await WriteRunAsync(temp);
        await using (var sink = new ParquetResultSink(runDir, RunId, "compaction-g"))
        {
            await sink.WriteAsync(TestItems.Full("odd"), default);
            await sink.CommitAsync(default);
        }

        var expected = await SnapshotAsync(temp.Path);
        Assert.Contains("odd", await ResponseIdsAsync(runDir));

        await new RunCompactor().CompactAsync(runDir);

        Assert.Equal(expected, await SnapshotAsync(temp.Path));
        var marker = Assert.Single(new RunStore().ReadCommits(runDir));
        Assert.Equal(0, marker.Covers!["compaction-g"]);
    }

    [Fact]
    public async Task ReadCommits_CompactionMarkerWithoutCovers_FailsNamingTheFile()
    {
        using var temp = new TempDirectory();
        var runDir = await WriteRunAsync(temp);
        var path = Path.Combine(RunLayout.CommitsDir(runDir), CommitMarker.CompactionFileName(1));
        await File.WriteAllTextAsync(path, """{"format": 1, "run_id": "r1", "shard": "compaction", "seq": 1, "created_utc": "2026-01-01T00:00:00Z", "parts": []}""");

        var error = Assert.Throws<InvalidDataException>(() => new RunStore().ReadCommits(runDir));

        Assert.Contains(path, error.Message);
        Assert.Contains("covers", error.Message);
    }

    /// <summary>
    /// Shard 0 commits four times (two tasks, a response judged again in the last commit), shard 1 twice; row groups of 2
    /// rows so parts hold several.
    /// </summary>
    private static async Task<string> WriteRunAsync(TempDirectory temp)
    {
        var runDir = temp.RunDir(RunId);
        var options = new ParquetSinkOptions { RowGroupRows = 2 };
        await using (var sink = new ParquetResultSink(runDir, RunId, "0", options))
        {
            for (var commit = 0; commit < 3; commit++)
            {
                for (var i = 0; i < 3; i++)
                {
                    var id = $"s{commit}-{i}";
                    await sink.WriteAsync(i == 2 ? TestItems.Nulls(id) : TestItems.Full(id), default);
                }

                await sink.CommitAsync(default);
            }

            var again = TestItems.Full("s0-0");
            await sink.WriteAsync(
                again with { JudgmentsOnly = true, Judgments = [again.Judgments[1] with { Label = "refusal", Status = JudgmentStatus.Ok, Revision = 1 }] },
                default);
            await sink.CommitAsync(default);
        }

        await using (var sink = new ParquetResultSink(runDir, RunId, "1", options))
        {
            for (var commit = 0; commit < 2; commit++)
            {
                await sink.WriteAsync(TestItems.Full($"x{commit}", modelId: "model-b"), default);
                await sink.CommitAsync(default);
            }
        }

        return runDir;
    }

    private static async Task<List<string>> SnapshotAsync(string outDir)
    {
        var result = await new QueryRunner().RunAsync(outDir, s_everyRow);
        var lines = new List<string>(result.Rows.Single().Select(v => (string)v!));

        var store = new RunStore();
        var runDir = Path.Combine(outDir, "runs", RunId);
        lines.Add("store responses: " + string.Join(',', (await ResponseIdsAsync(runDir)).Order(StringComparer.Ordinal)));
        lines.Add("store judgments: " + string.Join(',', (await store.ReadJudgmentsAsync(runDir).ToListAsync())
            .Select(j => $"{j.SampleId}/{j.JudgeId}/{j.Revision}/{j.Status}").Order(StringComparer.Ordinal)));
        lines.Add("completed keys: " + (await store.ReadCompletedKeysAsync(runDir)).Count);
        return lines;
    }

    private static async Task<List<string>> ResponseIdsAsync(string runDir) =>
        await new RunStore().ReadResponsesAsync(runDir).Select(r => r.SampleId).ToListAsync();

    private static List<string> AllParquetFiles(string runDir) =>
        [.. TableNames.Partitioned.Select(t => Path.Combine(runDir, t)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)).Order(StringComparer.Ordinal)];

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }

    private sealed class SimulatedCrashException(string message) : Exception(message);
}
