using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Results;

/// <summary>A <see cref="ColumnCopy"/> of a string column (nullable or not).</summary>
internal sealed class StringColumnCopy(DataField field) : ColumnCopy(field)
{
    private string?[] _values = [];
    private int _count;

    public override int Count => _count;

    public override async Task AppendAsync(ParquetRowGroupReader group, DataField? source, int rows, CancellationToken cancellationToken)
    {
        Reserve(ref _values, _count, rows);
        if (source is not null)
        {
            await group.ReadAsync(source, _values.AsMemory(_count, rows), null, cancellationToken).ConfigureAwait(false);
        }

        _count += rows;
    }

    public override Task WriteAsync(ParquetRowGroupWriter group) => group.WriteAsync(Field, new ArraySegment<string?>(_values, 0, _count));

    public override void Clear()
    {
        Array.Clear(_values, 0, _count);
        _count = 0;
    }
}
