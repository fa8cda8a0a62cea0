using MultiTrust.Core.Contracts;
using MultiTrust.Core.Runs;
using MultiTrust.Sinks.Compare;
using MultiTrust.Tasks;

namespace MultiTrust.Cli.Composition;

/// <summary>The comparison catalog of a baseline run: its tasks' metrics as it ran them, other tasks by either suite.</summary>
internal static class RunComparisonCatalog
{
    public static async Task<ComparisonCatalog> ForRunAsync(string runDir, CancellationToken cancellationToken)
    {
        // Metrics as the run ran them (a task's metrics read the steps of the suite it used); other tasks by either suite.
        var card = await RunCardFactory.ReadAsync(runDir, cancellationToken);
        var suites = card?.Config.Tasks.ToDictionary(t => t.Id, t => t.Suite ?? TaskSuites.Synthetic, StringComparer.Ordinal) ?? [];
        return new ComparisonCatalog(TaskCatalog.Definitions.ToDictionary(
            d => d.Info.Id,
            d => (IReadOnlyList<MetricDefinition>)[.. (suites.TryGetValue(d.Info.Id, out var suite) && d.For(suite) is { } used ? [suite] : d.Suites)
                .SelectMany(s => d.For(s)!.Metrics).DistinctBy(m => m.Name)],
            StringComparer.Ordinal));
    }
}
