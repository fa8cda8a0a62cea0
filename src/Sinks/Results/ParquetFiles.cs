using System.IO.Compression;
using MultiTrust.Core.Storage;
using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Results;

/// <summary>Writes Parquet files with the temporary-name-then-rename protocol.</summary>
internal static class ParquetFiles
{
    /// <summary>The prefix of every temporary file the writers create; <see cref="RunStore.Recover"/> deletes them.</summary>
    public const string TempPrefix = AtomicFile.TempPrefix;

    public static ParquetOptions CreateOptions(ParquetCompression compression) => compression switch
    {
        ParquetCompression.Snappy => new ParquetOptions { CompressionMethod = CompressionMethod.Snappy },
        ParquetCompression.Zstd => new ParquetOptions
        {
            CompressionMethod = CompressionMethod.Zstd,
            CompressionLevel = CompressionLevel.Optimal,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "Unsupported Parquet compression."),
    };

    public static string TempPathFor(string finalPath) => AtomicFile.TempPathFor(finalPath);

    /// <summary>
    /// Writes one file with a single row group under a temporary name in the target folder, flushes it to disk and
    /// renames it to <paramref name="finalPath"/>. The temporary file is deleted if anything fails.
    /// </summary>
    public static async Task WriteAtomicAsync(
        string finalPath,
        ParquetSchema schema,
        ParquetOptions options,
        Func<ParquetRowGroupWriter, Task> writeColumns,
        bool overwrite,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
        var tempPath = TempPathFor(finalPath);
        try
        {
            await using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true))
            {
                await using (var writer = await ParquetWriter.CreateAsync(schema, stream, options, append: false, cancellationToken).ConfigureAwait(false))
                {
                    using var group = writer.CreateRowGroup();
                    await writeColumns(group).ConfigureAwait(false);
                }

                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            AtomicFile.Publish(tempPath, finalPath, overwrite);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
