using System.Collections.Immutable;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sinks.DuckDb;
using MultiTrust.Sinks.Results;
using Parquet.Schema;

namespace MultiTrust.Sinks.Tests.Results;

/// <summary>A response judged again: new judgment rows with a higher revision, and every reader keeps the latest.</summary>
public sealed class LatestJudgmentTests
{
    private static readonly string s_variant = "v-s1";

    [Fact]
    public async Task ReadJudgmentsAsync_JudgedAgain_LatestRevisionWinsAndHistoryKeepsEveryRow()
    {
        using var temp = new TempDirectory();
        var runDir = await WriteJudgedAgainAsync(temp);

        var latest = await new RunStore().ReadJudgmentsAsync(runDir).ToListAsync();
        var history = await new RunStore().ReadJudgmentHistoryAsync(runDir).ToListAsync();

        Assert.Equal(4, history.Count);
        Assert.Equal(3, latest.Count);
        var refusal = Assert.Single(latest, j => j.SampleId == "s1" && j.JudgeId == "refusal");
        Assert.Equal((JudgmentStatus.Ok, 1, "refused"), (refusal.Status, refusal.Revision, refusal.Label));
        Assert.Equal(0, Assert.Single(latest, j => j.SampleId == "s1" && j.JudgeId == "yes-no").Revision);
        Assert.Single(latest, j => j.SampleId == "s2");
        Assert.Contains(history, j => j.SampleId == "s1" && j.JudgeId == "refusal" && j.Status == JudgmentStatus.JudgeError && j.Revision == 0);
    }

    [Fact]
    public async Task CommitAsync_JudgmentsOnlyItem_WritesOnlyJudgmentRowsAndMarksTheirPartRevised()
    {
        using var temp = new TempDirectory();
        var runDir = await WriteJudgedAgainAsync(temp);

        var store = new RunStore();
        var commits = store.ReadCommits(runDir);
        var second = commits[^1].Parts;
        Assert.Equal(TableNames.Judgments, Assert.Single(second).Table);
        Assert.Equal(1, second[0].MaxRevision);
        Assert.All(commits[0].Parts, p => Assert.Null(p.MaxRevision));
        Assert.Equal(2, await store.ReadResponsesAsync(runDir).CountAsync());
        Assert.Contains("\"max_revision\": 1", await File.ReadAllTextAsync(Path.Combine(RunLayout.CommitsDir(runDir), CommitMarker.FileName("0", 1))));
        Assert.DoesNotContain("max_revision", await File.ReadAllTextAsync(Path.Combine(RunLayout.CommitsDir(runDir), CommitMarker.FileName("0", 0))));
    }

    [Fact]
    public async Task ReadCommittedResultsAsync_ErrorsOnly_SelectsResultsWhoseLatestJudgmentIsAnError()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        await using (var sink = new ParquetResultSink(runDir, "r1"))
        {
            await sink.WriteAsync(Item("s1", Verdict("refusal", JudgmentStatus.JudgeError), Verdict("yes-no", JudgmentStatus.Ok)), default);
            await sink.WriteAsync(Item("s2", Verdict("refusal", JudgmentStatus.Ok)), default);
            await sink.CommitAsync(default);
        }

        var store = new RunStore();
        var before = await store.ReadCommittedResultsAsync(runDir, RejudgeSelection.Errors);

        Assert.Equal(1, before.Count);
        Assert.True(before.TryGet("s1", s_variant, "m", out var result));
        Assert.Equal("answer of s1", result.Response.Text);
        Assert.Equal(["refusal", "yes-no"], result.Judgments.Keys.Order(StringComparer.Ordinal));
        Assert.False(before.TryGet("s2", s_variant, "m", out _));

        await using (var sink = new ParquetResultSink(runDir, "r1"))
        {
            await sink.WriteAsync(Item("s1", Verdict("refusal", JudgmentStatus.Ok, revision: 1)) with { JudgmentsOnly = true }, default);
            await sink.CommitAsync(default);
        }

        Assert.Equal(0, (await store.ReadCommittedResultsAsync(runDir, RejudgeSelection.Errors)).Count);
    }

    [Fact]
    public async Task ReadCommittedResultsAsync_OneStepEveryStatus_SelectsEveryResultWithThatStep()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        await using (var sink = new ParquetResultSink(runDir, "r1"))
        {
            await sink.WriteAsync(Item("s1", Verdict("refusal", JudgmentStatus.Ok), Verdict("yes-no", JudgmentStatus.Ok)), default);
            await sink.WriteAsync(Item("s2", Verdict("refusal", JudgmentStatus.Unparseable)), default);
            await sink.WriteAsync(Item("s3", Verdict("yes-no", JudgmentStatus.JudgeError)), default);
            await sink.CommitAsync(default);
        }

        var selected = await new RunStore().ReadCommittedResultsAsync(runDir, new RejudgeSelection(false, new HashSet<string> { "refusal" }));

        Assert.Equal(2, selected.Count);
        Assert.True(selected.TryGet("s1", s_variant, "m", out _));
        Assert.True(selected.TryGet("s2", s_variant, "m", out _));
        Assert.False(selected.TryGet("s3", s_variant, "m", out _));
    }

    [Fact]
    public async Task QueryRunner_JudgedAgain_JudgmentsViewShowsTheLatestAndHistoryEveryRevision()
    {
        using var temp = new TempDirectory();
        await WriteJudgedAgainAsync(temp);

        var latest = await new QueryRunner().RunAsync(
            temp.Path, "SELECT sample_id, judge_id, status, revision FROM judgments ORDER BY sample_id, judge_id");
        var history = await new QueryRunner().RunAsync(
            temp.Path, "SELECT judge_id, status, revision FROM judgment_history WHERE sample_id = 's1' ORDER BY judge_id, revision");

        Assert.Equal(
            [["s1", "refusal", "ok", 1], ["s1", "yes-no", "ok", 0], ["s2", "refusal", "ok", 0]],
            latest.Rows.Select(r => r.ToArray()));
        Assert.Equal(
            [["refusal", "judge_error", 0], ["refusal", "ok", 1], ["yes-no", "ok", 0]],
            history.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public async Task Readers_PartWrittenBeforeRevisionsExisted_RevisionReadsZero()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        await using (var sink = new ParquetResultSink(runDir, "r1"))
        {
            await sink.WriteAsync(Item("s1", Verdict("refusal", JudgmentStatus.Ok)), default);
            await sink.CommitAsync(default);
        }

        var part = new RunStore().CommittedParts(runDir, TableNames.Judgments).Single();
        await RewriteWithoutRevisionAsync(part, "r1", Verdict("refusal", JudgmentStatus.Ok));

        var judgment = Assert.Single(await new RunStore().ReadJudgmentsAsync(runDir).ToListAsync());
        var viewed = await new QueryRunner().RunAsync(temp.Path, "SELECT judge_id, revision FROM judgments");

        Assert.Equal(("refusal", 0), (judgment.JudgeId, judgment.Revision));
        Assert.Equal(["refusal", 0], viewed.Rows.Single());
    }

    /// <summary>s1 committed with a judge_error for refusal, s2 fine; then s1's refusal judged again (revision 1, ok).</summary>
    private static async Task<string> WriteJudgedAgainAsync(TempDirectory temp)
    {
        var runDir = temp.RunDir("r1");
        await using (var sink = new ParquetResultSink(runDir, "r1"))
        {
            await sink.WriteAsync(Item("s1", Verdict("refusal", JudgmentStatus.JudgeError), Verdict("yes-no", JudgmentStatus.Ok)), default);
            await sink.WriteAsync(Item("s2", Verdict("refusal", JudgmentStatus.Ok)), default);
            await sink.CommitAsync(default);
        }

        await using (var sink = new ParquetResultSink(runDir, "r1"))
        {
            await sink.WriteAsync(Item("s1", Verdict("refusal", JudgmentStatus.Ok, revision: 1, label: "refused")) with { JudgmentsOnly = true }, default);
            await sink.CommitAsync(default);
        }

        return runDir;
    }

    private static (string Judge, JudgmentStatus Status, int Revision, string? Label) Verdict(
        string judge, JudgmentStatus status, int revision = 0, string? label = null) => (judge, status, revision, label);

    private static EvaluatedItem Item(string sampleId, params (string Judge, JudgmentStatus Status, int Revision, string? Label)[] verdicts)
    {
        var sample = new Sample(sampleId, "t1-basic", "truthfulness", "T.I", "all", "p", [], SampleTarget.None, ImmutableDictionary<string, string>.Empty);
        var variant = new Variant(s_variant, "blur", "{}", 1);
        var response = new ModelResponse(sampleId, variant.Id, "m", "t1-basic", "req-" + sampleId, ResponseStatus.Answered, "answer of " + sampleId,
            "stop", null, 1, null, null, 1, false, string.Empty);
        var judgments = verdicts.Select(v => new Judgment(
            sampleId, variant.Id, "m", "t1-basic", "all", v.Judge, "v1", v.Label, v.Status == JudgmentStatus.Ok ? 1 : null, v.Status, null, null, v.Revision));
        return new EvaluatedItem(sample, variant, response, [.. judgments], WriteSampleRow: true);
    }

    private static Task RewriteWithoutRevisionAsync(string path, string runId, (string Judge, JudgmentStatus Status, int Revision, string? Label) verdict)
    {
        var schema = new ParquetSchema(JudgmentTable.Schema.GetDataFields().Where(f => f.Name != "revision").ToArray());
        var f = schema.GetDataFields();
        File.Delete(path);
        return ParquetFiles.WriteAtomicAsync(
            path, schema, ParquetFiles.CreateOptions(ParquetSinkOptions.Default.Compression),
            async g =>
            {
                string?[] Text(string? value) => [value];
                await g.WriteAsync(f[0], Text(runId));
                await g.WriteAsync(f[1], Text("s1"));
                await g.WriteAsync(f[2], Text(s_variant));
                await g.WriteAsync(f[3], Text("m"));
                await g.WriteAsync(f[4], Text("t1-basic"));
                await g.WriteAsync(f[5], Text("all"));
                await g.WriteAsync(f[6], Text(verdict.Judge));
                await g.WriteAsync(f[7], Text("v1"));
                await g.WriteAsync(f[8], Text(null));
                await g.WriteAsync<double>(f[9], new ReadOnlyMemory<double?>([1.0]));
                await g.WriteAsync(f[10], Text(verdict.Status.ToName()));
                await g.WriteAsync(f[11], Text(null));
                await g.WriteAsync(f[12], Text(null));
            },
            overwrite: true,
            default);
    }
}
