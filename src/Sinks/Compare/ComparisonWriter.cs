using System.Text;
using System.Text.Json;
using MultiTrust.Core.Storage;
using MultiTrust.Sinks.Results;

namespace MultiTrust.Sinks.Compare;

/// <summary>
/// Writes a <see cref="RunComparison"/> into a folder: <c>compare.md</c> (<see cref="ComparisonMarkdown"/>),
/// <c>compare.json</c> (the comparison with snake_case names: run_a, run_b, run_dir_a, run_dir_b, alpha, models, rows)
/// and <c>compare.parquet</c> (<see cref="ComparisonTable"/>). Each file is replaced atomically. Stateless.
/// </summary>
public sealed class ComparisonWriter
{
    public const string MarkdownFileName = "compare.md";
    public const string JsonFileName = "compare.json";
    public const string ParquetFileName = "compare.parquet";

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    private readonly ParquetSinkOptions _options;

    public ComparisonWriter(ParquetSinkOptions? options = null) => _options = options ?? ParquetSinkOptions.Default;

    public async Task<ComparisonFiles> WriteAsync(RunComparison comparison, string outDir, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        outDir = Path.GetFullPath(outDir);
        Directory.CreateDirectory(outDir);
        var files = new ComparisonFiles(
            Path.Combine(outDir, MarkdownFileName), Path.Combine(outDir, JsonFileName), Path.Combine(outDir, ParquetFileName));
        await AtomicFile.WriteAsync(files.Markdown, Encoding.UTF8.GetBytes(ComparisonMarkdown.Render(comparison)), overwrite: true, cancellationToken)
            .ConfigureAwait(false);
        await AtomicFile.WriteAsync(files.Json, JsonSerializer.SerializeToUtf8Bytes(comparison, s_json), overwrite: true, cancellationToken)
            .ConfigureAwait(false);
        await ParquetFiles.WriteAtomicAsync(
            files.Parquet, ComparisonTable.Schema, ParquetFiles.CreateOptions(_options.Compression),
            g => ComparisonTable.WriteAsync(g, comparison), overwrite: true, cancellationToken).ConfigureAwait(false);
        return files;
    }

    /// <summary>The rows of a <c>compare.parquet</c> (without the run ids).</summary>
    public static async Task<IReadOnlyList<ComparisonRow>> ReadRowsAsync(string outDir, CancellationToken cancellationToken = default)
    {
        var result = new List<ComparisonRow>();
        await foreach (var rows in PartReader.ReadAsync(Path.Combine(outDir, ParquetFileName), ComparisonTable.ReadAsync, cancellationToken).ConfigureAwait(false))
        {
            result.AddRange(rows);
        }

        return result;
    }
}
