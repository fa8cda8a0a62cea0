using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Results;

/// <summary>Reads named columns of one row group, naming the file in every error.</summary>
internal sealed class ColumnSource
{
    private readonly ParquetRowGroupReader _group;
    private readonly Dictionary<string, DataField> _fields;
    private readonly string _path;
    private readonly CancellationToken _cancellationToken;

    public ColumnSource(ParquetReader reader, ParquetRowGroupReader group, string path, CancellationToken cancellationToken)
    {
        _group = group;
        _path = path;
        _cancellationToken = cancellationToken;
        _fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
        RowCount = checked((int)group.RowCount);
    }

    public int RowCount { get; }

    /// <summary>Whether the file has the column (columns added later are missing from older parts).</summary>
    public bool HasColumn(string name) => _fields.ContainsKey(name);

    public async Task<string?[]> StringsAsync(string name)
    {
        var values = new string?[RowCount];
        await _group.ReadAsync(Field(name), values.AsMemory(), null, _cancellationToken).ConfigureAwait(false);
        return values;
    }

    /// <summary>A non-nullable string column: a null is corrupt data and is reported with the file and column.</summary>
    public async Task<string[]> RequiredStringsAsync(string name)
    {
        var values = await StringsAsync(name).ConfigureAwait(false);
        if (Array.IndexOf(values, null) is var row and >= 0)
        {
            throw new InvalidDataException($"{_path}: column '{name}' has a null in row {row} but is not nullable.");
        }

        return values!;
    }

    public async Task<T[]> ValuesAsync<T>(string name)
        where T : struct
    {
        var values = new T[RowCount];
        await _group.ReadAsync<T>(Field(name), values.AsMemory(), null, _cancellationToken).ConfigureAwait(false);
        return values;
    }

    public async Task<T?[]> NullableValuesAsync<T>(string name)
        where T : struct
    {
        var values = new T?[RowCount];
        await _group.ReadAsync<T>(Field(name), values.AsMemory(), null, _cancellationToken).ConfigureAwait(false);
        return values;
    }

    private DataField Field(string name) =>
        _fields.TryGetValue(name, out var field)
            ? field
            : throw new InvalidDataException($"{_path}: column '{name}' is missing.");
}
