using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Results;

/// <summary>A <see cref="TableBuffer"/> of rows of type <typeparamref name="TRow"/>.</summary>
internal sealed class TableRows<TRow>(
    string table,
    string task,
    ParquetSchema schema,
    Func<ParquetRowGroupWriter, string, IReadOnlyList<TRow>, Task> writeColumns) : TableBuffer(table, task, schema)
{
    private readonly List<TRow> _rows = [];

    public override int Count => _rows.Count;

    /// <summary>Adds a row and returns the new count.</summary>
    public int Add(TRow row)
    {
        _rows.Add(row);
        return _rows.Count;
    }

    public override Task WriteColumnsAsync(ParquetRowGroupWriter group, string runId) => writeColumns(group, runId, _rows);

    public override void ClearRows() => _rows.Clear();
}
