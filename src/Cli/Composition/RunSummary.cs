using MultiTrust.Cli.Infrastructure;
using System.Globalization;
using MultiTrust.Cli.Progress;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Runs;
using Spectre.Console;

namespace MultiTrust.Cli.Composition;

/// <summary>The end-of-run summary: headline metrics per model and task, and where every output is.</summary>
internal static class RunSummary
{
    public static void Print(IAnsiConsole console, PipelineDefinition pipeline, RunCard card, string runDir, RunProgress progress, RunFinalizer.Outcome outcome)
    {
        var table = new Table().Title($"run {card.RunId} (synthetic suite)").AddColumns("model", "task", "metric", "value %", "95% CI", "n", "excluded");
        foreach (var row in outcome.Metrics.Where(m => m.Subset == "all"))
        {
            table.AddRow(
                Markup.Escape(row.ModelId), Markup.Escape(row.TaskId), Markup.Escape(row.Metric), Percent(row.Value),
                row.CiLow is null ? "-" : $"{Percent(row.CiLow)}–{Percent(row.CiHigh)}",
                row.N.ToString(CultureInfo.InvariantCulture), row.Excluded.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        var snapshot = ProgressSnapshot.Take(progress, TimeSpan.Zero);
        console.Line(
            $"responses: {snapshot.Done} ({snapshot.Skipped} resumed from earlier attempts), failures {snapshot.Failed}, " +
            $"cache hits {snapshot.CacheHits}, retries {snapshot.Retries}");
        console.Line($"parquet tables: {runDir}{Path.DirectorySeparatorChar}{{samples,responses,judgments}}/task=*/ and metrics.parquet, scores.parquet");
        console.Line($"run card:       {Path.Combine(runDir, "run.json")}");
        console.Line($"catalog:        {Path.Combine(pipeline.Output, "catalog.duckdb")} (views: samples, responses, judgments, metrics, scores, runs)");
        if (outcome.HtmlPath is not null)
        {
            console.Line($"report:         {outcome.MarkdownPath}");
            console.Line($"                {outcome.HtmlPath}");
        }

        console.Line($"query:          multitrust query --out {pipeline.Output} \"SELECT * FROM metrics WHERE run_id = '{card.RunId}'\"");
    }

    private static string Percent(double? value) => value is { } v ? (100 * v).ToString("F1", CultureInfo.InvariantCulture) : "-";
}
