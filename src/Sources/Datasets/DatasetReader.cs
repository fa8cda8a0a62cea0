using MultiTrust.Core.Pipeline;

namespace MultiTrust.Sources.Datasets;

/// <summary>Streams the rows of a lake dataset in the reader its format needs.</summary>
public static class DatasetReader
{
    /// <summary>
    /// The rows of <paramref name="dataset"/> in file order, mapped to sample parts. Memory is bounded by one row group
    /// (Parquet), one record batch (Arrow) or one line (JSONL). Malformed data and missing columns throw
    /// <see cref="Official.AnnotationException"/> naming file:row.
    /// </summary>
    public static IAsyncEnumerable<DatasetRecord> ReadAsync(DatasetSourceDefinition dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Format switch
        {
            "parquet" => ParquetDatasetReader.ReadAsync(dataset.Path, dataset.Columns, cancellationToken),
            "arrow" => ArrowDatasetReader.ReadAsync(dataset.Path, dataset.Columns, cancellationToken),
            "jsonl" => JsonlDatasetReader.ReadAsync(dataset.Path, dataset.Columns, cancellationToken),
            _ => throw new NotSupportedException(
                $"Dataset format '{dataset.Format}' is not supported ({dataset.Location}); use one of: {string.Join(", ", DatasetSourceDefinition.Formats)}."),
        };
    }
}
