using MultiTrust.Core.Records;
using MultiTrust.Core.Runs;
using MultiTrust.Sinks.Metrics;
using MultiTrust.Sinks.Results;

namespace MultiTrust.Sinks.Compare;

/// <summary>
/// Compares run B with run A (two run folders with <c>metrics.parquet</c> / <c>scores.parquet</c>): per task metric
/// (subset <c>all</c>) value A, value B, delta = B − A, its 95% CI, a two-sided p-value and whether it regressed; per
/// task / sub-aspect / overall score value A, value B and delta.
/// </summary>
/// <remarks>
/// <para>Models: <see cref="RunComparisonOptions.ModelA"/> / <see cref="RunComparisonOptions.ModelB"/> when given (a
/// missing one picks the same id, or the only model of its run); else, when each run has exactly one model, those two;
/// else every model id present in both runs.</para>
/// <para>Paired when possible: the committed judgments of both runs are matched on (task, judge, sample id, variant
/// id) — two runs of the same synthetic seed judge the same samples — and a metric is compared with
/// <c>PairedBinaryComparison</c> (Newcombe CI, McNemar) or a paired t when the pairs cover at least
/// <see cref="RunComparisonOptions.MinPairedFraction"/> of the samples. Otherwise unpaired from the metric rows: for
/// 0/1 metrics (the row's CI is the Wilson interval of round(value·n)/n) Newcombe's interval and the two-proportion
/// z-test; for other metrics Welch's test with the standard deviation recovered from the row's normal CI
/// (s = √n·half-width/1.96, using the wider half when the CI was clipped to [0, 1], an approximation).</para>
/// <para>Regressed: p &lt; alpha and the delta points the worse way (<c>MetricDefinition.HigherIsBetter</c> from the
/// catalog, else <see cref="MetricDirections"/>).</para>
/// <para>Scores have no CI in <c>scores.parquet</c>: a task score takes its p-value and status from the task's metric
/// when the task has exactly one metric (that metric alone defines the score); every other score (tasks with several
/// metrics, sub-aspects, overall) is <c>untested</c> with its delta only.</para>
/// <para>Memory: one small entry per judged (sample, variant, judge) of the compared models of run A. Stateless apart
/// from its options; thread-safe.</para>
/// </remarks>
public sealed partial class RunComparer
{
    private readonly ComparisonCatalog _catalog;
    private readonly RunComparisonOptions _options;

    /// <exception cref="ArgumentOutOfRangeException">Alpha or the paired fraction is outside (0, 1].</exception>
    public RunComparer(ComparisonCatalog catalog, RunComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _options = options ?? new RunComparisonOptions();
        if (!(_options.Alpha > 0 && _options.Alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Alpha, "Alpha must lie strictly between 0 and 1.");
        }

        if (!(_options.MinPairedFraction > 0 && _options.MinPairedFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MinPairedFraction, "MinPairedFraction must lie in (0, 1].");
        }
    }

    /// <exception cref="DirectoryNotFoundException">A run folder does not exist.</exception>
    /// <exception cref="InvalidDataException">A run folder has no <c>metrics.parquet</c>.</exception>
    /// <exception cref="InvalidOperationException">The runs share no model to compare, or a named model is missing.</exception>
    public async Task<RunComparison> CompareAsync(string runDirA, string runDirB, CancellationToken cancellationToken = default)
    {
        runDirA = Path.GetFullPath(runDirA);
        runDirB = Path.GetFullPath(runDirB);
        var tables = new MetricsTableWriter();
        var metricsA = await ReadMetricsAsync(tables, runDirA, cancellationToken).ConfigureAwait(false);
        var metricsB = await ReadMetricsAsync(tables, runDirB, cancellationToken).ConfigureAwait(false);
        var runA = await RunIdAsync(runDirA, cancellationToken).ConfigureAwait(false);
        var runB = await RunIdAsync(runDirB, cancellationToken).ConfigureAwait(false);
        var models = MatchModels(runDirA, metricsA, runDirB, metricsB);

        var paired = await PairAsync(runDirA, runDirB, models, cancellationToken).ConfigureAwait(false);
        var rows = new List<ComparisonRow>();
        foreach (var pair in models)
        {
            rows.AddRange(CompareMetrics(pair, metricsA, metricsB, paired));
        }

        var scoresA = await tables.ReadScoresAsync(runDirA, cancellationToken).ConfigureAwait(false);
        var scoresB = await tables.ReadScoresAsync(runDirB, cancellationToken).ConfigureAwait(false);
        foreach (var pair in models)
        {
            rows.AddRange(CompareScores(pair, scoresA, scoresB, rows));
        }

        return new RunComparison(runA, runB, runDirA, runDirB, _options.Alpha, models, rows);
    }

    private static async Task<IReadOnlyList<MetricRow>> ReadMetricsAsync(MetricsTableWriter tables, string runDir, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(runDir))
        {
            throw new DirectoryNotFoundException($"Run folder {runDir} does not exist.");
        }

        if (!File.Exists(Path.Combine(runDir, MetricsTableWriter.MetricsFileName)))
        {
            throw new InvalidDataException(
                $"{runDir} has no {MetricsTableWriter.MetricsFileName}; finish the run or recompute it with 'multitrust report'.");
        }

        return await tables.ReadMetricsAsync(runDir, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> RunIdAsync(string runDir, CancellationToken cancellationToken) =>
        (await RunCardFactory.ReadAsync(runDir, cancellationToken).ConfigureAwait(false))?.RunId
            ?? Path.GetFileName(runDir.TrimEnd(Path.DirectorySeparatorChar));

    private List<ModelPair> MatchModels(string runDirA, IReadOnlyList<MetricRow> metricsA, string runDirB, IReadOnlyList<MetricRow> metricsB)
    {
        var modelsA = metricsA.Select(m => m.ModelId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var modelsB = metricsB.Select(m => m.ModelId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (_options.ModelA is not null || _options.ModelB is not null)
        {
            var a = Pick(_options.ModelA ?? (modelsA.Count == 1 ? modelsA[0] : _options.ModelB!), modelsA, runDirA, "A");
            var b = Pick(_options.ModelB ?? (modelsB.Count == 1 ? modelsB[0] : _options.ModelA!), modelsB, runDirB, "B");
            return [new ModelPair(a, b)];
        }

        if (modelsA.Count == 1 && modelsB.Count == 1)
        {
            return [new ModelPair(modelsA[0], modelsB[0])];
        }

        var common = modelsA.Intersect(modelsB, StringComparer.Ordinal).Select(m => new ModelPair(m, m)).ToList();
        return common.Count > 0
            ? common
            : throw new InvalidOperationException(
                $"Runs {runDirA} (models: {string.Join(", ", modelsA)}) and {runDirB} (models: {string.Join(", ", modelsB)}) share no model id; " +
                "name the two models to compare (model A and model B).");
    }

    private static string Pick(string model, List<string> available, string runDir, string side) =>
        available.Contains(model, StringComparer.Ordinal)
            ? model
            : throw new InvalidOperationException(
                $"Model '{model}' has no metrics in run {side} ({runDir}); models there: {string.Join(", ", available)}.");
}
