using MultiTrust.Core.Records;
using MultiTrust.Sinks.Results;
using Parquet.Schema;

namespace MultiTrust.Sinks.Metrics;

/// <summary>
/// Writes and reads <c>&lt;runDir&gt;/metrics.parquet</c> and <c>&lt;runDir&gt;/scores.parquet</c>. Each write replaces the
/// file atomically (temporary name, flush, rename), so a reader sees the old file or the new one, never a mix.
/// Stateless and thread-safe, but two concurrent writes of the same file race (the last rename wins).
/// </summary>
public sealed class MetricsTableWriter
{
    public const string MetricsFileName = "metrics.parquet";
    public const string ScoresFileName = "scores.parquet";

    private readonly ParquetSinkOptions _options;

    public MetricsTableWriter(ParquetSinkOptions? options = null) => _options = options ?? ParquetSinkOptions.Default;

    /// <summary>Replaces <c>metrics.parquet</c> with <paramref name="rows"/> (an empty list writes a file with no rows).</summary>
    public Task WriteMetricsAsync(string runDir, IEnumerable<MetricRow> rows, CancellationToken cancellationToken = default)
    {
        var list = rows.ToList();
        return WriteAsync(Path.Combine(runDir, MetricsFileName), MetricTable.Schema, g => MetricTable.WriteAsync(g, list), cancellationToken);
    }

    /// <summary>Replaces <c>scores.parquet</c> with <paramref name="rows"/> (an empty list writes a file with no rows).</summary>
    public Task WriteScoresAsync(string runDir, IEnumerable<ScoreRow> rows, CancellationToken cancellationToken = default)
    {
        var list = rows.ToList();
        return WriteAsync(Path.Combine(runDir, ScoresFileName), ScoreTable.Schema, g => ScoreTable.WriteAsync(g, list), cancellationToken);
    }

    /// <summary>The rows of <c>metrics.parquet</c>, or an empty list when the run has none yet.</summary>
    public Task<IReadOnlyList<MetricRow>> ReadMetricsAsync(string runDir, CancellationToken cancellationToken = default) =>
        ReadAllAsync(Path.Combine(runDir, MetricsFileName), MetricTable.ReadAsync, cancellationToken);

    /// <summary>The rows of <c>scores.parquet</c>, or an empty list when the run has none yet.</summary>
    public Task<IReadOnlyList<ScoreRow>> ReadScoresAsync(string runDir, CancellationToken cancellationToken = default) =>
        ReadAllAsync(Path.Combine(runDir, ScoresFileName), ScoreTable.ReadAsync, cancellationToken);

    private Task WriteAsync(string path, ParquetSchema schema, Func<Parquet.ParquetRowGroupWriter, Task> write, CancellationToken cancellationToken) =>
        ParquetFiles.WriteAtomicAsync(
            Path.GetFullPath(path), schema, ParquetFiles.CreateOptions(_options.Compression), write, overwrite: true, cancellationToken);

    private static async Task<IReadOnlyList<TRow>> ReadAllAsync<TRow>(
        string path,
        Func<ColumnSource, Task<TRow[]>> map,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var result = new List<TRow>();
        await foreach (var rows in PartReader.ReadAsync(path, map, cancellationToken).ConfigureAwait(false))
        {
            result.AddRange(rows);
        }

        return result;
    }
}
