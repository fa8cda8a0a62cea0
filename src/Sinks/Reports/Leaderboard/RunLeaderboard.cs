using MultiTrust.Core.Runs;
using MultiTrust.Sinks.Compare;
using MultiTrust.Sinks.Metrics;

namespace MultiTrust.Sinks.Reports.Leaderboard;

/// <summary>
/// Several runs (and every model of each) side by side: overall, sub-aspect and task scores and task metrics, each
/// later entry with its delta against the first entry and the significance <see cref="RunComparer"/> gives it. Built
/// from the runs' <c>metrics.parquet</c> / <c>scores.parquet</c>. Immutable.
/// </summary>
public sealed record RunLeaderboard(IReadOnlyList<LeaderboardEntry> Entries, double Alpha)
{
    /// <summary>Reads the runs in the order given; models within a run in ordinal order. The first entry is the baseline.</summary>
    /// <exception cref="ArgumentException">Fewer than two run folders, or one given twice.</exception>
    /// <exception cref="DirectoryNotFoundException">A run folder does not exist.</exception>
    /// <exception cref="InvalidDataException">A run folder has no <c>metrics.parquet</c>, or has no model with metrics.</exception>
    public static async Task<RunLeaderboard> BuildAsync(
        IReadOnlyList<string> runDirs, ComparisonCatalog catalog, RunComparisonOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runDirs);
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= new RunComparisonOptions();
        var dirs = runDirs.Select(Path.GetFullPath).ToList();
        if (dirs.Count < 2)
        {
            throw new ArgumentException("A leaderboard needs at least two runs.", nameof(runDirs));
        }

        if (dirs.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Run folder {twice.Key} is given twice.", nameof(runDirs));
        }

        var tables = new MetricsTableWriter();
        var columns = new List<(string RunDir, string RunId, string Model, LeaderboardEntry Entry)>();
        foreach (var dir in dirs)
        {
            if (!Directory.Exists(dir))
            {
                throw new DirectoryNotFoundException($"Run folder {dir} does not exist.");
            }

            if (!File.Exists(Path.Combine(dir, MetricsTableWriter.MetricsFileName)))
            {
                throw new InvalidDataException($"{dir} has no {MetricsTableWriter.MetricsFileName}; finish the run or recompute it with 'multitrust report'.");
            }

            var runId = (await RunCardFactory.ReadAsync(dir, cancellationToken).ConfigureAwait(false))?.RunId ?? Path.GetFileName(dir);
            var metrics = await tables.ReadMetricsAsync(dir, cancellationToken).ConfigureAwait(false);
            var scores = File.Exists(Path.Combine(dir, MetricsTableWriter.ScoresFileName))
                ? await tables.ReadScoresAsync(dir, cancellationToken).ConfigureAwait(false)
                : [];
            var models = metrics.Select(m => m.ModelId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (models.Count == 0)
            {
                throw new InvalidDataException($"Run {runId} ({dir}) has no metrics of any model.");
            }

            foreach (var model in models)
            {
                columns.Add((dir, runId, model, new LeaderboardEntry(
                    model, runId, model, [.. scores.Where(s => s.ModelId == model)], [.. metrics.Where(m => m.ModelId == model)], null)));
            }
        }

        var ambiguous = columns.GroupBy(c => c.Model, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var first = columns[0];
        var entries = new List<LeaderboardEntry>();
        foreach (var column in columns)
        {
            var label = ambiguous.Contains(column.Model) ? $"{column.Model} ({column.RunId})" : column.Model;
            RunComparison? versus = null;
            if (!ReferenceEquals(column.Entry, first.Entry))
            {
                var comparer = new RunComparer(catalog, options with { ModelA = first.Model, ModelB = column.Model });
                versus = await comparer.CompareAsync(first.RunDir, column.RunDir, cancellationToken).ConfigureAwait(false);
            }

            entries.Add(column.Entry with { Label = label, VersusFirst = versus });
        }

        return new RunLeaderboard(entries, options.Alpha);
    }
}
