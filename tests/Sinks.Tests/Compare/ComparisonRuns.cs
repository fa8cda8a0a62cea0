using System.Collections.Immutable;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sinks.Compare;
using MultiTrust.Sinks.Metrics;
using MultiTrust.Sinks.Results;
using MultiTrust.Stages.Aggregation;

namespace MultiTrust.Sinks.Tests.Compare;

/// <summary>Writes small run folders (committed judgments, metrics.parquet, scores.parquet) for comparison tests.</summary>
internal static class ComparisonRuns
{
    public const string Accuracy = "t1-basic";
    public const string Leakage = "p6-pii-leakage-in-conversation";

    public static readonly Dictionary<string, IReadOnlyList<MetricDefinition>> Metrics = new()
    {
        [Accuracy] = [new MetricDefinition("accuracy", "yesno", true)],
        [Leakage] = [new MetricDefinition("rta", "refusal", true), new MetricDefinition("leak_rate", "leak", false)],
    };

    /// <summary>
    /// A run with one model: t1-basic judged with <paramref name="accuracy"/> (one score per sample) and, when given,
    /// p6 with <paramref name="leaks"/> (leak score per sample; refusal = 1 − leak).
    /// </summary>
    public static async Task<string> WriteAsync(
        string root, string runId, string model, double[] accuracy, double[]? leaks = null, string samplePrefix = "s")
    {
        var runDir = Path.Combine(root, "runs", runId);
        var aggregator = new MetricAggregator(Metrics);
        await using (var sink = new ParquetResultSink(runDir, runId))
        {
            for (var i = 0; i < accuracy.Length; i++)
            {
                var item = Item($"{samplePrefix}{i}", Accuracy, model, ("yesno", accuracy[i]));
                await sink.WriteAsync(item, default);
                Fold(aggregator, item);
            }

            for (var i = 0; i < (leaks?.Length ?? 0); i++)
            {
                var item = Item($"{samplePrefix}{i}", Leakage, model, ("refusal", 1 - leaks![i]), ("leak", leaks[i]));
                await sink.WriteAsync(item, default);
                Fold(aggregator, item);
            }

            await sink.CommitAsync(default);
        }

        var metrics = aggregator.Build(runId);
        var tables = new MetricsTableWriter();
        await tables.WriteMetricsAsync(runDir, metrics);
        await tables.WriteScoresAsync(runDir, metrics
            .Where(m => m.Subset == "all" && m.Metric is "accuracy" or "rta")
            .Select(m => new ScoreRow(runId, model, "task", m.TaskId, 100 * m.Value, null))
            .Append(new ScoreRow(runId, model, "overall", "overall", null, "sub-aspects missing")));
        return runDir;
    }

    public static double[] Ones(int count, int zerosFrom = int.MaxValue) => [.. Enumerable.Range(0, count).Select(i => i < zerosFrom ? 1.0 : 0.0)];

    private static void Fold(MetricAggregator aggregator, EvaluatedItem item)
    {
        foreach (var judgment in item.Judgments)
        {
            aggregator.Add(judgment);
        }
    }

    private static EvaluatedItem Item(string sampleId, string task, string model, params (string Judge, double Score)[] scores)
    {
        var sample = new Sample(sampleId, task, "truthfulness", "T.I", "all", "p", [], SampleTarget.None, ImmutableDictionary<string, string>.Empty);
        var response = new ModelResponse(
            sampleId, "clean", model, task, "req-" + sampleId, ResponseStatus.Answered, "yes", "stop", null, 1, 1, 1, 1, false, string.Empty);
        var judgments = scores
            .Select(s => new Judgment(sampleId, "clean", model, task, "all", s.Judge, "v1", null, s.Score, JudgmentStatus.Ok, null))
            .ToImmutableArray();
        return new EvaluatedItem(sample, Variant.Clean, response, judgments, true);
    }
}
