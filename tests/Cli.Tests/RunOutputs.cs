using MultiTrust.Core.Records;
using MultiTrust.Sinks.Metrics;
using MultiTrust.Sinks.Results;

namespace MultiTrust.Cli.Tests;

/// <summary>Reads what a run wrote, through the same readers the product uses.</summary>
internal static class RunOutputs
{
    public static string SingleRunDir(string outDir) => Assert.Single(Directory.GetDirectories(Path.Combine(outDir, "runs")));

    public static async Task<IReadOnlyList<MetricRow>> MetricsAsync(string runDir) => await new MetricsTableWriter().ReadMetricsAsync(runDir);

    public static async Task<List<ModelResponse>> ResponsesAsync(string runDir)
    {
        var list = new List<ModelResponse>();
        await foreach (var r in new RunStore().ReadResponsesAsync(runDir))
        {
            list.Add(r);
        }

        return list;
    }

    public static async Task<List<Judgment>> JudgmentsAsync(string runDir)
    {
        var list = new List<Judgment>();
        await foreach (var j in new RunStore().ReadJudgmentsAsync(runDir))
        {
            list.Add(j);
        }

        return list;
    }

    public static MetricRow Metric(IReadOnlyList<MetricRow> metrics, string model, string task, string metric) =>
        Assert.Single(metrics, m => m.ModelId == model && m.TaskId == task && m.Metric == metric && m.Subset == "all");

    /// <summary>Metric rows without the run id, for comparing two runs.</summary>
    public static List<string> Comparable(IReadOnlyList<MetricRow> metrics) =>
        [.. metrics.Select(m => $"{m.ModelId}|{m.TaskId}|{m.Subset}|{m.Metric}|{m.Value:R}|{m.N}|{m.CiLow:R}|{m.CiHigh:R}|{m.Excluded}").Order()];
}
