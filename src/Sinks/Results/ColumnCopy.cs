using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Results;

/// <summary>
/// The values of one column gathered from the row groups of several part files, written out as one column of a larger
/// row group. Used by <see cref="RunCompactor"/> to copy rows without interpreting them.
/// </summary>
internal abstract class ColumnCopy(DataField field)
{
    /// <summary>The column of the output schema.</summary>
    public DataField Field { get; } = field;

    /// <summary>Creates the buffer of an output column (flat string, number or boolean columns, as the result tables use).</summary>
    /// <exception cref="NotSupportedException">The column's type is not one the result tables use.</exception>
    public static ColumnCopy For(DataField field)
    {
        var type = field.ClrType;
        return field is DataField<string> || type == typeof(string) || type == typeof(ReadOnlyMemory<char>) ? new StringColumnCopy(field)
            : type == typeof(int) ? Of<int>(field)
            : type == typeof(long) ? Of<long>(field)
            : type == typeof(double) ? Of<double>(field)
            : type == typeof(bool) ? Of<bool>(field)
            : throw new NotSupportedException($"Column '{field.Name}' has type {type.Name}, which compaction cannot copy.");
    }

    /// <summary>The values buffered so far.</summary>
    public abstract int Count { get; }

    /// <summary>
    /// Appends the column <paramref name="source"/> of a row group, or <paramref name="rows"/> default values (null, or
    /// zero for a non-nullable column) when the file lacks it.
    /// </summary>
    public abstract Task AppendAsync(ParquetRowGroupReader group, DataField? source, int rows, CancellationToken cancellationToken);

    /// <summary>Writes the buffered values as this column of a row group.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter group);

    /// <summary>Drops the buffered values, keeping the capacity.</summary>
    public abstract void Clear();

    private static ColumnCopy Of<T>(DataField field)
        where T : struct =>
        field.IsNullable ? new NullableValueColumnCopy<T>(field) : new ValueColumnCopy<T>(field);

    /// <summary>Grows <paramref name="values"/> so that <paramref name="count"/> + <paramref name="rows"/> values fit.</summary>
    protected static void Reserve<T>(ref T[] values, int count, int rows)
    {
        if (count + rows > values.Length)
        {
            Array.Resize(ref values, Math.Max(count + rows, Math.Max(16, values.Length * 2)));
        }
    }
}
