using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using MultiTrust.Bench.Common;
using MultiTrust.Bench.EndToEnd;
using MultiTrust.Core.Records;
using MultiTrust.Sinks.DuckDb;
using MultiTrust.Sinks.Results;

namespace MultiTrust.Bench.Storage;

/// <summary>
/// <c>duckdb</c>: writes --responses (default 10,000,000) response rows through the real <see cref="ParquetResultSink"/>
/// (one sample row per --models responses, one judgment per response, --tasks tasks, a commit every --commit-every
/// items as the engine does), then times DuckDB answering the report queries over the committed parts, compacts the run
/// with <see cref="RunCompactor"/>, and times the same queries again, checking that they return the same rows. Prints
/// the part counts before and after. Each query runs --repeat times (default 3); the best and the median are printed (the
/// machine is shared). --keep keeps the output folder; --out DIR writes there; --existing skips writing and uses the run
/// already in --out.
/// </summary>
public static class CompactionBenchmark
{
    /// <summary>The queries a report of a big run asks (schema.md's examples over the row tables).</summary>
    private static readonly (string Name, string Sql)[] s_queries =
    [
        ("status per model and task", "SELECT model_id, task, status, count(*) AS n FROM responses GROUP BY ALL ORDER BY ALL"),
        ("mean score per task, model, variant", "SELECT j.task, j.model_id, s.variant_name, avg(j.score) AS mean_score, count(*) AS n " +
            "FROM judgments j JOIN samples s USING (run_id, sample_id, variant_id) WHERE j.status = 'ok' GROUP BY ALL ORDER BY ALL"),
        ("latency and tokens per model", "SELECT model_id, count(*) AS n, avg(latency_ms) AS latency, sum(output_tokens) AS tokens, " +
            "count(*) FILTER (WHERE status <> 'answered') AS failures FROM responses GROUP BY ALL ORDER BY ALL"),
        ("judge status per task", "SELECT task, judge_id, status, count(*) AS n FROM judgments GROUP BY ALL ORDER BY ALL"),
    ];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var responses = args.Int("responses", 10_000_000);
        var models = args.Int("models", 10);
        var tasks = args.Int("tasks", 2);
        var commitEvery = args.Int("commit-every", 50_000);
        var repeat = args.Int("repeat", 3);
        var output = args.Optional("out") ?? Path.Combine(Path.GetTempPath(), "mt-bench", "duckdb-" + Guid.NewGuid().ToString("N")[..8]);
        var runDir = Path.Combine(output, "runs", "bench");
        Console.WriteLine(Invariant(
            $"duckdb: responses={responses:N0} models={models} tasks={tasks} commit-every={commitEvery:N0} cores={Environment.ProcessorCount} out={output}"));
        try
        {
            var clock = Stopwatch.StartNew();
            if (!args.Flag("existing"))
            {
                var written = await WriteAsync(runDir, responses, models, tasks, commitEvery);
                Console.WriteLine(Invariant($"written {written:N0} responses through ParquetResultSink in {clock.Elapsed.TotalSeconds:F1} s"));
            }

            Describe("before", runDir);

            var before = await TimeQueriesAsync(output, "before compaction", repeat);

            clock.Restart();
            var result = await new RunCompactor().CompactAsync(runDir);
            Console.WriteLine(Invariant(
                $"compact: {result.PartsBefore:N0} parts -> {result.PartsAfter:N0} in {clock.Elapsed.TotalSeconds:F1} s ({result.RowsRewritten:N0} rows rewritten, {result.FilesRemoved:N0} files removed)"));
            Describe("after", runDir);

            var after = await TimeQueriesAsync(output, "after compaction", repeat);
            var same = before.SequenceEqual(after);
            Console.WriteLine(same ? "query results before and after compaction: identical" : "query results before and after compaction: DIFFERENT");
            return same ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(output) && !args.Flag("keep"))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static async Task<long> WriteAsync(string runDir, int responses, int models, int tasks, int commitEvery)
    {
        var replies = TypicalReplies.Texts;
        var modelIds = Enumerable.Range(0, models).Select(m => $"model-{m:00}").ToArray();
        var taskIds = Enumerable.Range(0, tasks).Select(t => $"t{t + 1}-bench").ToArray();
        long written = 0;
        await using var sink = new ParquetResultSink(runDir, "bench");
        Sample? sample = null;
        for (var i = 0; i < responses; i++)
        {
            var m = i % models;
            var s = i / models;
            if (m == 0)
            {
                var task = taskIds[s % tasks];
                sample = new Sample(
                    s.ToString("x32", CultureInfo.InvariantCulture), task, "truthfulness", "T.I", $"subset-{s % 7}",
                    $"Question {s}: is the statement in the picture true? Answer yes or no.", [],
                    new SampleTarget(s % 2 == 0 ? "yes" : "no", [], null), ImmutableDictionary<string, string>.Empty);
            }

            var answered = i % 97 != 0;
            var response = new ModelResponse(
                sample!.Id, Variant.Clean.Id, modelIds[m], sample.TaskId, (i * 2654435761L).ToString("x16", CultureInfo.InvariantCulture),
                answered ? ResponseStatus.Answered : ResponseStatus.Error, answered ? replies[i % replies.Length] : null,
                answered ? "stop" : null, answered ? null : "HTTP 500 from http://127.0.0.1:1/v1", 10 + i % 50, 20, answered ? 12 : null, 1, false, string.Empty);
            var correct = (i * 7 + m) % 3 != 0;
            var judgment = new Judgment(
                sample.Id, Variant.Clean.Id, modelIds[m], sample.TaskId, sample.Subset, "yes-no", "v1",
                answered ? (correct ? sample.Target.Expected : "other") : null, answered ? (correct ? 1.0 : 0.0) : null,
                answered ? JudgmentStatus.Ok : JudgmentStatus.Skipped, null, sample.Target.Expected);
            await sink.WriteAsync(new EvaluatedItem(sample, Variant.Clean, response, [judgment], m == 0), CancellationToken.None);
            written++;
            if (sink.PendingItems >= commitEvery)
            {
                await sink.CommitAsync(CancellationToken.None);
            }
        }

        await sink.CommitAsync(CancellationToken.None);
        return written;
    }

    private static void Describe(string when, string runDir)
    {
        var commits = new RunStore().ReadCommits(runDir);
        var parts = commits.SelectMany(c => c.Parts).ToList();
        var bytes = parts.Sum(p => new FileInfo(Path.Combine(runDir, p.Path)).Length);
        Console.WriteLine(Invariant(
            $"{when}: {commits.Count:N0} live markers, {parts.Count:N0} parts ({string.Join(", ", parts.GroupBy(p => p.Table).Select(g => $"{g.Key} {g.Count():N0} parts / {g.Sum(p => p.Rows):N0} rows"))}), {bytes / 1048576.0:F0} MB"));
    }

    private static async Task<List<string>> TimeQueriesAsync(string outDir, string label, int repeat)
    {
        var runner = new QueryRunner();
        var results = new List<string>();

        // Views only: what opening the catalog over this many parts costs.
        var clock = Stopwatch.StartNew();
        await runner.RunAsync(outDir, "SELECT 1");
        Console.WriteLine(Invariant($"{label}: views over the committed parts built in {clock.Elapsed.TotalSeconds:F2} s"));

        var best = 0.0;
        var median = 0.0;
        foreach (var (name, sql) in s_queries)
        {
            var times = new List<double>();
            QueryResult? result = null;
            for (var i = 0; i < Math.Max(1, repeat); i++)
            {
                clock.Restart();
                result = await runner.RunAsync(outDir, sql);
                times.Add(clock.Elapsed.TotalSeconds);
            }

            times.Sort();
            best += times[0];
            median += times[times.Count / 2];
            Console.WriteLine(Invariant(
                $"{label}: {name}: {result!.Rows.Count} rows, best {times[0]:F2} s, median {times[times.Count / 2]:F2} s of {times.Count} (views included)"));
            results.Add(string.Join('\n', result.Rows.Select(r => string.Join('|', r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))))));
        }

        Console.WriteLine(Invariant($"{label}: all {s_queries.Length} queries: best {best:F2} s, median {median:F2} s"));
        return results;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
