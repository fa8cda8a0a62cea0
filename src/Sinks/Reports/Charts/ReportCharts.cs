namespace MultiTrust.Sinks.Reports.Charts;

/// <summary>
/// The report's charts, built from a <see cref="ReportModel"/>: sub-aspect scores per model, each task metric with its
/// 95% CI, clean-vs-perturbed deltas by perturbation and severity, and failures by status and model. A chart with
/// nothing to draw is left out (its table in the report still says "None recorded").
/// </summary>
internal static class ReportCharts
{
    private const string CleanVariant = "clean";

    public static BarChart? SubAspects(ReportModel model, IReadOnlyList<string> models, string id = "chart-sub-aspects")
    {
        // Sub-aspects are scored only when all their tasks ran; a run of a few tasks charts its task scores instead.
        var level = model.Scores.Any(s => s.Level == "sub_aspect" && s.Value is not null) ? "sub_aspect" : "task";
        var rows = model.Scores.Where(s => s.Level == level).ToList();
        var keys = rows.Select(s => s.Key).Distinct(StringComparer.Ordinal).ToList();
        var groups = keys
            .Select(key => new ChartGroup(key, [.. models.Select(m => rows.FirstOrDefault(s => s.ModelId == m && s.Key == key) is { } s
                ? new ChartBar(s.Value, null, null, ReportFormat.Score(s) + (s.Value is null && s.Note is { } note ? " (" + note + ")" : ""))
                : null)]))
            .ToList();
        var chart = new BarChart(
            id,
            level == "task" ? "Task scores by model (no sub-aspect is complete)" : "Sub-aspect scores by model",
            $"Horizontal bars, one per model, for each of the {keys.Count} {(level == "task" ? "task scores" : "MultiTrust sub-aspects")}; " +
            "score on 0–100, higher is better. A score that is not computed is marked \"no value\". The same numbers are in the Scores tables.",
            "Score (0–100, higher is better)",
            models,
            groups,
            AxisMax: 100);
        return chart.HasValues ? chart : null;
    }

    public static BarChart? TaskMetrics(ReportModel model, IReadOnlyList<string> models)
    {
        var rows = model.Metrics
            .Where(m => m.Subset == "all" && m.Variant == CleanVariant
                && !m.Metric.EndsWith(ReportContent.ValidatedSuffix, StringComparison.Ordinal)
                && !m.Metric.StartsWith(ReportContent.DisagreementPrefix, StringComparison.Ordinal))
            .ToList();
        var keys = rows.Select(m => (m.TaskId, m.Metric)).Distinct().ToList();
        var groups = keys
            .Select(k => new ChartGroup($"{k.TaskId} · {k.Metric}", [.. models.Select(id =>
                rows.FirstOrDefault(m => m.ModelId == id && m.TaskId == k.TaskId && m.Metric == k.Metric) is { } m
                    ? new ChartBar(m.Value * 100, m.CiLow * 100, m.CiHigh * 100,
                        ReportFormat.Percent(m.Value) + (m.CiLow is null ? "" : ", 95% CI " + ReportFormat.Interval(m.CiLow, m.CiHigh)) + $", n = {m.N}")
                    : null)]))
            .ToList();
        var chart = new BarChart(
            "chart-task-metrics",
            "Task metrics with 95% confidence intervals",
            "Horizontal bars, one per model, for each task's metric on the whole task (clean inputs), in percent; the " +
            "whisker on each bar spans its 95% confidence interval. Whether higher is better depends on the metric. " +
            "The same numbers are in the Metrics tables.",
            "Metric value (%), whiskers = 95% CI",
            models,
            groups,
            AxisMax: 100);
        return chart.HasValues ? chart : null;
    }

    public static BarChart? PerturbationDeltas(ReportModel model)
    {
        var effects = model.PerturbationEffects;
        var models = effects.Select(e => e.ModelId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var keys = effects
            .Select(e => (e.TaskId, e.Metric, e.Variant)).Distinct()
            .OrderBy(k => k.TaskId, StringComparer.Ordinal).ThenBy(k => k.Metric, StringComparer.Ordinal).ThenBy(k => k.Variant, StringComparer.Ordinal)
            .ToList();
        var groups = keys
            .Select(k => new ChartGroup($"{k.TaskId} · {k.Metric} · {k.Variant}", [.. models.Select(id =>
                effects.FirstOrDefault(e => e.ModelId == id && e.TaskId == k.TaskId && e.Metric == k.Metric && e.Variant == k.Variant) is { } e
                    ? new ChartBar(e.Delta * 100, e.CiLow * 100, e.CiHigh * 100,
                        $"{ReportFormat.Points(e.Delta)} pp, 95% CI {ReportFormat.PointsInterval(e.CiLow, e.CiHigh)}, p {ReportFormat.PValue(e.PValue)}")
                    : null)]))
            .ToList();
        var chart = new BarChart(
            "chart-perturbation-deltas",
            "Clean vs perturbed: change by perturbation and severity",
            "Horizontal bars, one per model, for each task metric and perturbation variant (named perturbation@severity): " +
            "perturbed minus clean in percentage points, whiskers = 95% CI of the paired difference. Bars left of zero " +
            "mean the metric fell under the perturbation. The same numbers are in the Clean vs perturbed tables.",
            "Perturbed − clean (percentage points), whiskers = 95% CI",
            models,
            groups,
            Symmetric: true);
        return chart.HasValues ? chart : null;
    }

    public static BarChart? Errors(ReportModel model)
    {
        var counts = model.ErrorCounts;
        var statuses = counts.Select(c => c.Status).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var models = counts.Select(c => c.ModelId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var groups = models
            .Select(m => new ChartGroup(m, [.. statuses.Select(s =>
            {
                var n = counts.Where(c => c.ModelId == m && c.Status == s).Sum(c => c.Count);
                return n == 0 ? null : new ChartBar(n, null, null, ReportFormat.Count(n));
            })]))
            .ToList();
        var chart = new BarChart(
            "chart-errors",
            "Failures by status and model",
            "One stacked bar per model: how many responses failed (error, timeout, content filtered, …) and how many " +
            "judgments could not be made (judge error, unparseable, ambiguous), summed over tasks, one colour per status. " +
            "Per-task counts are in the Errors by status table.",
            "Rows (count)",
            statuses,
            groups,
            Stacked: true);
        return chart.HasValues ? chart : null;
    }

    /// <summary>The numbers a chart draws, as a table (its text alternative next to the drawing).</summary>
    public static ReportTable DataTable(BarChart chart)
    {
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var group in chart.Groups)
        {
            for (var s = 0; s < chart.Series.Count && s < group.Bars.Count; s++)
            {
                if (group.Bars[s] is { } bar)
                {
                    rows.Add([group.Label, chart.Series[s], bar.Text]);
                }
            }
        }

        return new ReportTable([new("Category"), new("Series"), new("Value", Numeric: true)], rows);
    }
}
