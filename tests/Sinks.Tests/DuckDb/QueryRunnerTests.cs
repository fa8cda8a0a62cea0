using MultiTrust.Core.Records;
using MultiTrust.Sinks.DuckDb;
using MultiTrust.Sinks.Metrics;
using MultiTrust.Sinks.Results;

namespace MultiTrust.Sinks.Tests.DuckDb;

public sealed class QueryRunnerTests
{
    [Fact]
    public async Task RunAsync_TwoRuns_CountsRowsPerRunAndTaskPartition()
    {
        using var temp = new TempDirectory();
        await WriteRunAsync(temp.RunDir("run-a"), "run-a", TestItems.Full("s1"), TestItems.Full("s2"), TestItems.Nulls("s3"));
        await WriteRunAsync(temp.RunDir("run-b"), "run-b", TestItems.Full("s1"));

        var result = await new QueryRunner().RunAsync(
            temp.Path, "SELECT run_id, task, count(*) AS n FROM responses GROUP BY ALL ORDER BY run_id, task");

        Assert.Equal(["run_id", "task", "n"], result.Columns);
        Assert.Equal(
            [["run-a", "t1-basic", 2L], ["run-a", "t2-other", 1L], ["run-b", "t1-basic", 1L]],
            result.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public async Task RunAsync_NoResultsYet_EveryViewExistsWithZeroRows()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.RunDir("empty-run"));

        var result = await new QueryRunner().RunAsync(
            temp.Path,
            "SELECT (SELECT count(*) FROM samples) + (SELECT count(*) FROM responses) + (SELECT count(*) FROM judgments) " +
            "+ (SELECT count(*) FROM metrics) + (SELECT count(*) FROM scores) AS n, " +
            "(SELECT count(*) FROM responses WHERE status = 'error' AND latency_ms > 0 AND task = 'x') AS typed, " +
            "(SELECT count(*) FROM runs) AS runs");

        Assert.Equal([0L, 0L, 1L], result.Rows.Single());
    }

    [Fact]
    public async Task RunAsync_MetricsScoresAndRunCard_AreVisibleThroughViews()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        await WriteRunAsync(runDir, "r1", TestItems.Full("s1"));
        await new MetricsTableWriter().WriteMetricsAsync(runDir, [new MetricRow("r1", "m1", "t1-basic", "all", "accuracy", 0.5, 2, null, null, 0)]);
        await new MetricsTableWriter().WriteScoresAsync(runDir, [new ScoreRow("r1", "m1", "overall", "overall", 50, null)]);
        await File.WriteAllTextAsync(Path.Combine(runDir, "run.json"), "{\"run_id\": \"r1\", \"status\": \"completed\"}");

        var result = await new QueryRunner().RunAsync(
            temp.Path,
            "SELECT m.value, s.value, r.status, r.run_json_path FROM metrics m JOIN scores s USING (run_id) JOIN runs r USING (run_id)");

        Assert.Equal([0.5, 50.0, "completed", Path.Combine(runDir, "run.json")], result.Rows.Single());
    }

    [Fact]
    public async Task RunAsync_InvalidSql_ThrowsWithDuckDbMessageAndSql()
    {
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<QueryException>(() => new QueryRunner().RunAsync(temp.Path, "SELECT no_such_column FROM responses"));

        Assert.Contains("no_such_column", error.Message);
        Assert.Contains("SELECT no_such_column FROM responses", error.Message);
        Assert.Equal("SELECT no_such_column FROM responses", error.Sql);
    }

    internal static async Task WriteRunAsync(string runDir, string runId, params EvaluatedItem[] items)
    {
        await using var sink = new ParquetResultSink(runDir, runId);
        foreach (var item in items)
        {
            await sink.WriteAsync(item, default);
        }

        await sink.CommitAsync(default);
    }
}
