using System.Globalization;
using System.Runtime.CompilerServices;
using MultiTrust.Core.Pipeline;
using MultiTrust.Sources.Official;
using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sources.Datasets;

/// <summary>
/// Reads a Parquet dataset one row group at a time (memory: the mapped columns of one row group). Text, numeric and
/// boolean columns give text; an image column holds a path, or a LIST&lt;STRING&gt; of paths, per row; an image-bytes
/// column is binary.
/// </summary>
internal static class ParquetDatasetReader
{
    public static async IAsyncEnumerable<DatasetRecord> ReadAsync(
        string path, DatasetColumns columns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = DatasetFiles.Open(path);
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, null, false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw new AnnotationException(path, 0, $"not a readable Parquet file: {e.Message}");
        }

        await using var _ = stream.ConfigureAwait(false);
        await using var __ = reader.ConfigureAwait(false);
        var fields = reader.Schema.Fields.OfType<DataField>().ToDictionary(f => f.Name, StringComparer.Ordinal);
        var resolved = ResolvedColumns.Resolve(path, columns, [.. reader.Schema.Fields.Select(f => f.Name)]);
        // An image column may also be a list of paths (LIST<STRING>); every other column holds one value per row.
        var imageList = resolved.Image is { } imageName
            && reader.Schema.Fields.FirstOrDefault(f => f.Name == imageName) is ListField { Item: DataField item } && IsText(item)
            ? item
            : null;
        foreach (var name in resolved.Names.Where(n => imageList is null || n != resolved.Image))
        {
            if (!fields.TryGetValue(name, out var field) || field.MaxRepetitionLevel > 0)
            {
                throw new AnnotationException(path, 0, $"column '{name}' is a list or nested column; map a column with one value per row (the image column may be a list of paths)");
            }
        }

        long row = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var prompts = await TextAsync(path, group, fields[resolved.Prompt], count, cancellationToken).ConfigureAwait(false);
            var images = imageList is null ? await OptionalTextAsync(path, group, fields, resolved.Image, count, cancellationToken).ConfigureAwait(false) : null;
            var imageLists = imageList is null ? null : await TextListsAsync(group, imageList, count, cancellationToken).ConfigureAwait(false);
            var targets = await OptionalTextAsync(path, group, fields, resolved.Target, count, cancellationToken).ConfigureAwait(false);
            var references = await OptionalTextAsync(path, group, fields, resolved.Reference, count, cancellationToken).ConfigureAwait(false);
            var subsets = await OptionalTextAsync(path, group, fields, resolved.Subset, count, cancellationToken).ConfigureAwait(false);
            var bytes = resolved.ImageBytes is null ? null : await BytesAsync(path, group, fields[resolved.ImageBytes], count, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                row++;
                var prompt = prompts[i] ?? throw new AnnotationException(path, row, $"no prompt: column '{resolved.Prompt}' is null");
                yield return new DatasetRecord(
                    row, prompt, imageLists?[i] ?? (images?[i] is { } image ? [image] : []), bytes?[i], targets?[i], references?[i], subsets?[i]);
            }
        }
    }

    private static async Task<string?[]?> OptionalTextAsync(
        string path, ParquetRowGroupReader group, Dictionary<string, DataField> fields, string? column, int count, CancellationToken cancellationToken) =>
        column is null ? null : await TextAsync(path, group, fields[column], count, cancellationToken).ConfigureAwait(false);

    private static bool IsText(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    // A LIST<STRING> column, read raw: one level pair per list slot (an empty or null list is one undefined slot),
    // repetition level 0 starts a row, and the defined values come densely in order.
    private static async Task<IReadOnlyList<string>[]> TextListsAsync(ParquetRowGroupReader group, DataField item, int rows, CancellationToken cancellationToken)
    {
        var count = checked((int)(group.GetMetadata(item)?.MetaData?.NumValues ?? 0));
        var values = new ReadOnlyMemory<char>[count];
        var definitions = new int[count];
        var repetitions = new int[count];
        await group.ReadRawAsync<ReadOnlyMemory<char>>(item, values.AsMemory(), definitions.AsMemory(), repetitions.AsMemory(), cancellationToken).ConfigureAwait(false);
        var result = new List<string>?[rows];
        var (row, next) = (-1, 0);
        for (var i = 0; i < count; i++)
        {
            if (repetitions[i] == 0)
            {
                row++;
            }

            if (definitions[i] == item.MaxDefinitionLevel && values[next++] is var value && row >= 0 && row < rows)
            {
                (result[row] ??= []).Add(value.ToString());
            }
        }

        return [.. result.Select(r => (IReadOnlyList<string>?)r ?? [])];
    }

    private static async Task<byte[]?[]> BytesAsync(string path, ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
    {
        if (field.ClrType != typeof(byte[]) && field.ClrType != typeof(ReadOnlyMemory<byte>))
        {
            throw new AnnotationException(path, 0, $"column '{field.Name}' (image_bytes) must be binary, not {field.ClrType.Name}");
        }

        var values = new byte[]?[count];
        await group.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        return values;
    }

    private static async Task<string?[]> TextAsync(string path, ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[count];
            await group.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return values;
        }

        return type switch
        {
            _ when type == typeof(int) => await NumbersAsync<int>(group, field, count, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(long) => await NumbersAsync<long>(group, field, count, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(short) => await NumbersAsync<short>(group, field, count, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(double) => await NumbersAsync<double>(group, field, count, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(float) => await NumbersAsync<float>(group, field, count, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(bool) => [.. (await ValuesAsync<bool>(group, field, count, cancellationToken).ConfigureAwait(false)).Select(b => b is null ? null : b.Value ? "true" : "false")],
            _ => throw new AnnotationException(path, 0, $"column '{field.Name}' has type {type.Name}; map text, numeric or boolean columns"),
        };
    }

    private static async Task<string?[]> NumbersAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
        where T : struct, IFormattable =>
        [.. (await ValuesAsync<T>(group, field, count, cancellationToken).ConfigureAwait(false)).Select(v => v?.ToString(null, CultureInfo.InvariantCulture))];

    private static async Task<T?[]> ValuesAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[count];
            await group.ReadAsync<T>(field, nullable.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return nullable;
        }

        var values = new T[count];
        await group.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        return [.. values.Select(v => (T?)v)];
    }
}
