using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Results;

/// <summary>
/// The rows of one (task, table) not yet written to a row group, and the open part file of the current commit interval
/// that their row groups go to.
/// </summary>
internal abstract class TableBuffer(string table, string task, ParquetSchema schema)
{
    public string Table { get; } = table;

    public string Task { get; } = task;

    public ParquetSchema Schema { get; } = schema;

    /// <summary>The buffered rows (not yet in a row group).</summary>
    public abstract int Count { get; }

    /// <summary>The highest <c>revision</c> among the rows of the current interval (judgments only; 0 otherwise).</summary>
    public int MaxRevision { get; set; }

    /// <summary>The part file of the current commit interval, created by the first flush; null before.</summary>
    public PartWriter? Part { get; set; }

    /// <summary>Writes the buffered rows as the columns of one row group.</summary>
    public abstract Task WriteColumnsAsync(ParquetRowGroupWriter group, string runId);

    /// <summary>Drops the buffered rows (keeping the list's capacity).</summary>
    public abstract void ClearRows();
}
