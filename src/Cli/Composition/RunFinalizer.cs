using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Core.Runs;
using MultiTrust.Sinks.DuckDb;
using MultiTrust.Sinks.Metrics;
using MultiTrust.Sinks.Reports;
using MultiTrust.Sinks.Reports.DrillDown;
using MultiTrust.Sinks.Results;
using MultiTrust.Stages.Aggregation;
using MultiTrust.Sinks.Compare;

namespace MultiTrust.Cli.Composition;

/// <summary>
/// Turns a run's committed rows into metrics, task / sub-aspect / overall scores, the catalog and the report. Always
/// computed from every committed row (never from in-memory state of one attempt), so a resumed run's metrics equal an
/// uninterrupted run's.
/// </summary>
internal static class RunFinalizer
{
    public sealed record Outcome(
        IReadOnlyList<MetricRow> Metrics, IReadOnlyList<ScoreRow> Scores, IReadOnlyList<PerturbationEffectRow> PerturbationEffects,
        RunStatusTally Tally, string? MarkdownPath, string? HtmlPath);

    public static async Task<Outcome> FinalizeAsync(
        string outDir, string runDir, RunCard card, IReadOnlyList<ITrustTask> tasks, bool writeReport, CancellationToken cancellationToken,
        IReadOnlyList<(string TaskId, string Note)>? notScored = null)
    {
        var store = new RunStore();
        var aggregator = MetricAggregator.ForTasks(tasks, card.Config.Seed);
        var tally = new RunStatusTally();
        // One pass over the committed judgments feeds the metrics, the status tally and — only when the run has
        // variants, since pairing keeps one entry per clean judgment — the paired clean-vs-perturbed effects.
        var judgments = Observe(store.ReadJudgmentsAsync(runDir, cancellationToken), aggregator, tally);
        IReadOnlyList<PerturbationEffectRow> effects = [];
        if (card.Config.Tasks.Any(t => t.Variants is { Count: > 0 }))
        {
            effects = await PerturbationEffects.ComputeAsync(card.RunId, judgments, tasks.ToDictionary(t => t.Info.Id, t => t.Metrics), cancellationToken);
        }
        else
        {
            await foreach (var _ in judgments)
            {
            }
        }
        await foreach (var response in store.ReadResponsesAsync(runDir, cancellationToken))
        {
            tally.Add(response);
        }

        var metrics = aggregator.Build(card.RunId);
        var scores = new List<ScoreRow>();
        foreach (var model in card.Config.Models)
        {
            var taskScores = tasks
                .Select(t => t.Score(card.RunId, model.Id, [.. metrics.Where(m => m.ModelId == model.Id && m.TaskId == t.Info.Id)]))
                .ToList();
            taskScores.AddRange((notScored ?? []).Select(n => new ScoreRow(card.RunId, model.Id, ScoreRow.TaskLevel, n.TaskId, null, n.Note)));
            scores.AddRange(taskScores);
            scores.AddRange(MultiTrustScoring.Default.Aggregate(card.RunId, model.Id, taskScores));
        }

        var tables = new MetricsTableWriter();
        await tables.WriteMetricsAsync(runDir, metrics, cancellationToken);
        await tables.WriteScoresAsync(runDir, scores, cancellationToken);
        await new PairedTableWriter().WriteAsync(runDir, effects, cancellationToken);
        await new Catalog().RefreshAsync(outDir, cancellationToken);

        string? markdown = null, html = null;
        if (writeReport)
        {
            var errors = tally.Counts().Select(c => new ErrorCountRow(c.ModelId, c.TaskId, c.Status, c.Count)).ToList();
            var ambiguous = tally.JudgedCounts().Select(c => new AmbiguousCountRow(c.ModelId, c.TaskId, c.Judged, c.Ambiguous)).ToList();
            var judges = tasks.Where(t => t.Metrics.Count > 0)
                .Select(t => new PrimaryJudge(t.Info.Id, t.Metrics[0].JudgeId, t.Metrics[0].HigherIsBetter)).ToList();
            IReadOnlyList<WorstExample> worst;
            try
            {
                worst = await new WorstExamplesQuery().ReadAsync(outDir, card.RunId, judges, cancellationToken: cancellationToken);
            }
            catch (QueryException)
            {
                // The drill-down is a view of committed rows; a query it cannot run must not keep the run from finishing.
                worst = [];
            }

            // Missing or unreadable images become notes in their cells; they never fail the report.
            worst = await new DrillDownThumbnails().AttachAsync(outDir, worst, cancellationToken);

            var commands = worst.Select(w => (w.TaskId, w.ModelId)).Distinct()
                .Select(k => new DrillDownCommand(k.TaskId, k.ModelId,
                    WorstExamplesQuery.Command(outDir, card.RunId, judges.First(j => j.TaskId == k.TaskId), k.ModelId)))
                .ToList();
            var report = ReportModel.FromRunCard(card, metrics, scores, errors, tally.RetryTotal, tally.CacheHits, effects, ambiguous)
                with { WorstExamples = worst, DrillDownCommands = commands };
            (markdown, html) = await new ReportWriter().WriteAsync(report, runDir, cancellationToken);
        }

        return new Outcome(metrics, scores, effects, tally, markdown, html);
    }

    private static async IAsyncEnumerable<Judgment> Observe(IAsyncEnumerable<Judgment> judgments, MetricAggregator aggregator, RunStatusTally tally)
    {
        await foreach (var judgment in judgments)
        {
            aggregator.Add(judgment);
            tally.Add(judgment);
            yield return judgment;
        }
    }
}
