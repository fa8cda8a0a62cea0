using MultiTrust.Sinks.Results;
using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Metrics;

/// <summary>
/// Writes and reads <c>&lt;runDir&gt;/paired.parquet</c>, the clean-vs-perturbed statistics of a run
/// (<see cref="PerturbationEffectRow"/>; columns in snake_case, see <see cref="PairedTable"/>). A write replaces the file
/// atomically (temporary name, flush, rename). Stateless and thread-safe, but two concurrent writes of the same file
/// race (the last rename wins).
/// </summary>
public sealed class PairedTableWriter
{
    public const string FileName = "paired.parquet";

    private readonly ParquetSinkOptions _options;

    public PairedTableWriter(ParquetSinkOptions? options = null) => _options = options ?? ParquetSinkOptions.Default;

    /// <summary>Replaces <c>paired.parquet</c> with <paramref name="rows"/> (an empty list writes a file with no rows).</summary>
    public Task WriteAsync(string runDir, IEnumerable<PerturbationEffectRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        return ParquetFiles.WriteAtomicAsync(
            Path.GetFullPath(Path.Combine(runDir, FileName)), PairedTable.Schema, ParquetFiles.CreateOptions(_options.Compression),
            g => PairedTable.WriteAsync(g, list), overwrite: true, cancellationToken);
    }

    /// <summary>The rows of <c>paired.parquet</c>, or an empty list when the run has none.</summary>
    public async Task<IReadOnlyList<PerturbationEffectRow>> ReadAsync(string runDir, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(runDir, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        var result = new List<PerturbationEffectRow>();
        await foreach (var rows in PartReader.ReadAsync(path, PairedTable.ReadAsync, cancellationToken).ConfigureAwait(false))
        {
            result.AddRange(rows);
        }

        return result;
    }
}
