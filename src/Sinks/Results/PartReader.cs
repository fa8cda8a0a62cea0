using System.Runtime.CompilerServices;
using Parquet;

namespace MultiTrust.Sinks.Results;

/// <summary>Streams the rows of one Parquet file, one row group at a time.</summary>
internal static class PartReader
{
    public static async IAsyncEnumerable<TRow[]> ReadAsync<TRow>(
        string path,
        Func<ColumnSource, Task<TRow[]>> map,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(path, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new InvalidDataException($"{path}: not a readable Parquet file ({ex.Message}).", ex);
        }

        await using (reader.ConfigureAwait(false))
        {
            for (var i = 0; i < reader.RowGroupCount; i++)
            {
                TRow[] rows;
                using (var group = reader.OpenRowGroupReader(i))
                {
                    try
                    {
                        rows = await map(new ColumnSource(reader, group, path, cancellationToken)).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not InvalidDataException and not OperationCanceledException)
                    {
                        throw new InvalidDataException($"{path}, row group {i}: {ex.Message}", ex);
                    }
                }

                yield return rows;
            }
        }
    }
}
