using MultiTrust.Cli.Infrastructure;
using System.Globalization;
using MultiTrust.Cli.Progress;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Runs;
using MultiTrust.Stages.Perturbation.Cache;
using Spectre.Console;

namespace MultiTrust.Cli.Composition;

/// <summary>The end-of-run summary: headline metrics per model and task, and where every output is.</summary>
internal static class RunSummary
{
    public static void Print(
        IAnsiConsole console, PipelineDefinition pipeline, RunCard card, string runDir, RunProgress progress, RunFinalizer.Outcome outcome, PerturbationCache perturbations)
    {
        var table = new Table().Title($"run {card.RunId} ({card.Suite} suite, clean variant)").AddColumns("model", "task", "metric", "value %", "95% CI", "n", "excluded");
        foreach (var row in outcome.Metrics.Where(m => m.Subset == "all" && m.Variant == "clean"))
        {
            table.AddRow(
                Markup.Escape(row.ModelId), Markup.Escape(row.TaskId), Markup.Escape(row.Metric),
                row.Value is null ? (row.N == 0 && row.Excluded == 0 ? "not scored" : "undefined") : Percent(row.Value),
                row.CiLow is null ? "-" : $"{Percent(row.CiLow)}–{Percent(row.CiHigh)}",
                row.N.ToString(CultureInfo.InvariantCulture), row.Excluded.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (outcome.Metrics.Any(m => m.Value is null && m.N == 0 && m.Excluded == 0))
        {
            console.Line("not scored: the metric's judge did not run (for example asr needs judge_models.harmbench); the report's scores table says why.");
        }

        var snapshot = ProgressSnapshot.Take(progress, TimeSpan.Zero);
        console.Line(
            $"responses: {snapshot.Done} ({snapshot.Skipped} resumed from earlier attempts), failures {snapshot.Failed}, " +
            $"cache hits {snapshot.CacheHits}, retries {snapshot.Retries}");
        if (progress.Rejudged > 0)
        {
            console.Line($"judged again:   {progress.Rejudged} committed response(s) with judge_error judgments (the model was not called)");
        }

        var lookups = perturbations.Hits + perturbations.Misses;
        if (lookups > 0)
        {
            console.Line(string.Create(CultureInfo.InvariantCulture,
                $"perturbation cache: {perturbations.Hits} of {lookups} images reused ({100.0 * perturbations.Hits / lookups:F1}%), {perturbations.Misses} computed"));
        }

        if (outcome.PerturbationEffects.Count > 0)
        {
            console.Line($"clean vs perturbed: {outcome.PerturbationEffects.Count} paired comparisons in paired.parquet and the report ({outcome.PerturbationEffects.Count(e => e.PValue < 0.05)} with p < 0.05)");
        }
        console.Line($"parquet tables: {runDir}{Path.DirectorySeparatorChar}{{samples,responses,judgments}}/task=*/ and metrics.parquet, scores.parquet, paired.parquet");
        console.Line($"run card:       {Path.Combine(runDir, "run.json")}");
        console.Line($"catalog:        {Path.Combine(pipeline.Output, "catalog.duckdb")} (views: samples, responses, judgments, judgment_history, metrics, scores, paired, runs)");
        if (outcome.HtmlPath is not null)
        {
            console.Line($"report:         {outcome.MarkdownPath}");
            console.Line($"                {outcome.HtmlPath}");
        }

        console.Line($"query:          multitrust query --out {pipeline.Output} \"SELECT * FROM metrics WHERE run_id = '{card.RunId}'\"");
    }

    private static string Percent(double? value) => value is { } v ? (100 * v).ToString("F1", CultureInfo.InvariantCulture) : "-";
}
