using System.Globalization;
using MultiTrust.Core.Records;
using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Compare;

public sealed partial class RunComparer
{
    private IEnumerable<ComparisonRow> CompareMetrics(
        ModelPair pair,
        IReadOnlyList<MetricRow> metricsA,
        IReadOnlyList<MetricRow> metricsB,
        Dictionary<(string Model, string Task, string Judge), PairedGroup> paired)
    {
        var rowsA = metricsA.Where(m => m.ModelId == pair.ModelA && m.Subset == MetricRow.AllSubsets).ToList();
        var rowsB = metricsB.Where(m => m.ModelId == pair.ModelB && m.Subset == MetricRow.AllSubsets).ToList();
        var keys = rowsA.Concat(rowsB).Select(m => (m.TaskId, m.Metric)).Distinct()
            .OrderBy(k => k.TaskId, StringComparer.Ordinal).ToList();
        foreach (var (task, metric) in keys)
        {
            var a = rowsA.FirstOrDefault(m => m.TaskId == task && m.Metric == metric);
            var b = rowsB.FirstOrDefault(m => m.TaskId == task && m.Metric == metric);
            var higher = _catalog.HigherIsBetter(task, metric);
            if (a?.Value is null || b?.Value is null)
            {
                var missing = a is null ? "not in run A" : b is null ? "not in run B" : a.Value is null ? "no value in run A" : "no value in run B";
                yield return new ComparisonRow(
                    ComparisonLevels.Metric, pair.ModelA, pair.ModelB, task, metric, a?.Value, b?.Value, null, null, null, null,
                    a?.N ?? 0, b?.N ?? 0, 0, false, "none", higher, ComparisonStatus.Untested, missing);
                continue;
            }

            var judge = _catalog.Find(task, metric)?.JudgeId;
            var group = judge is null ? null : paired.GetValueOrDefault((pair.ModelA, task, judge));
            var needed = _options.MinPairedFraction * Math.Max(a.N, b.N);
            ComparisonResult? result;
            string note;
            if (group?.Comparison is { } pairedResult && group.Pairs >= needed)
            {
                result = pairedResult;
                note = string.Create(CultureInfo.InvariantCulture, $"{group.Pairs} pairs (n A {a.N}, n B {b.N})");
            }
            else
            {
                result = MetricRowComparison.Compare(a, b);
                note = judge is null
                    ? "unpaired: task unknown to this version"
                    : string.Create(CultureInfo.InvariantCulture, $"unpaired: only {group?.Pairs ?? 0} matched samples (n A {a.N}, n B {b.N})");
            }

            var status = Status(result?.PValue, result?.Delta ?? b.Value.Value - a.Value.Value, higher);
            yield return new ComparisonRow(
                ComparisonLevels.Metric, pair.ModelA, pair.ModelB, task, metric,
                result?.ValueA ?? a.Value, result?.ValueB ?? b.Value, result?.Delta ?? b.Value - a.Value,
                result?.CiLow, result?.CiHigh, result?.PValue, a.N, b.N, result?.Paired == true ? result.NA : 0,
                result?.Paired == true, result?.Method ?? "none: too few samples", higher, status, note);
        }
    }

    private static IEnumerable<ComparisonRow> CompareScores(
        ModelPair pair, IReadOnlyList<ScoreRow> scoresA, IReadOnlyList<ScoreRow> scoresB, IReadOnlyList<ComparisonRow> metricRows)
    {
        var rowsA = scoresA.Where(s => s.ModelId == pair.ModelA).ToList();
        var rowsB = scoresB.Where(s => s.ModelId == pair.ModelB).ToList();
        var keys = rowsA.Concat(rowsB).Select(s => (s.Level, s.Key)).Distinct()
            .OrderBy(k => ComparisonLevels.Order(k.Level)).ThenBy(k => k.Key, StringComparer.Ordinal).ToList();
        foreach (var (level, key) in keys)
        {
            var a = rowsA.FirstOrDefault(s => s.Level == level && s.Key == key)?.Value;
            var b = rowsB.FirstOrDefault(s => s.Level == level && s.Key == key)?.Value;
            var delta = a is not null && b is not null ? b - a : null;
            var source = level == ComparisonLevels.Task ? SingleMetricRow(metricRows, pair, key) : null;
            var tested = source is not null && delta is not null && source.PValue is not null;
            var note = delta is null
                ? a is null ? "no score in run A" : "no score in run B"
                : tested ? $"significance from metric '{source!.Metric}' (subset all)" : "no single metric defines this score; delta only";
            yield return new ComparisonRow(
                level, pair.ModelA, pair.ModelB, key, "score", a, b, delta, null, null, tested ? source!.PValue : null, 0, 0,
                tested ? source!.NPairs : 0, tested && source!.Paired, tested ? source!.Method : "none", true,
                tested ? source!.Status : ComparisonStatus.Untested, note);
        }
    }

    /// <summary>The metric row of a task that has exactly one metric (it alone defines the task score), else null.</summary>
    private static ComparisonRow? SingleMetricRow(IReadOnlyList<ComparisonRow> metricRows, ModelPair pair, string taskId)
    {
        var rows = metricRows
            .Where(r => r.Level == ComparisonLevels.Metric && r.ModelA == pair.ModelA && r.ModelB == pair.ModelB && r.Key == taskId)
            .Take(2)
            .ToList();
        return rows.Count == 1 ? rows[0] : null;
    }

    private string Status(double? p, double delta, bool higherIsBetter)
    {
        if (p is null)
        {
            return ComparisonStatus.Untested;
        }

        if (p >= _options.Alpha || delta == 0)
        {
            return ComparisonStatus.Unchanged;
        }

        return (delta > 0) == higherIsBetter ? ComparisonStatus.Improved : ComparisonStatus.Regressed;
    }
}
