using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Results;

/// <summary>A <see cref="ColumnCopy"/> of a nullable number or boolean column.</summary>
internal sealed class NullableValueColumnCopy<T>(DataField field) : ColumnCopy(field)
    where T : struct
{
    private T?[] _values = [];
    private int _count;

    public override int Count => _count;

    public override async Task AppendAsync(ParquetRowGroupReader group, DataField? source, int rows, CancellationToken cancellationToken)
    {
        Reserve(ref _values, _count, rows);
        if (source is null)
        {
            Array.Clear(_values, _count, rows);
        }
        else
        {
            await group.ReadAsync<T>(source, _values.AsMemory(_count, rows), null, cancellationToken).ConfigureAwait(false);
        }

        _count += rows;
    }

    public override Task WriteAsync(ParquetRowGroupWriter group) => group.WriteAsync<T>(Field, new ReadOnlyMemory<T?>(_values, 0, _count));

    public override void Clear() => _count = 0;
}
