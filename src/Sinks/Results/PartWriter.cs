using MultiTrust.Core.Storage;
using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Results;

/// <summary>
/// One part file being written under its temporary name (<c>.tmp-part-…</c>), one row group per flush, kept open
/// until <see cref="CompleteAsync"/> finishes it, flushes it to disk, renames it to its final name and flushes the folder.
/// </summary>
internal sealed class PartWriter
{
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private bool _closed;
    private bool _renamed;

    private PartWriter(string finalPath, string tempPath, FileStream stream, ParquetWriter writer)
    {
        FinalPath = finalPath;
        TempPath = tempPath;
        _stream = stream;
        _writer = writer;
    }

    public string FinalPath { get; }

    public string TempPath { get; }

    /// <summary>The rows of every row group written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Creates the temporary file in the target folder (created if missing) and writes the Parquet header.</summary>
    public static async Task<PartWriter> CreateAsync(string finalPath, ParquetSchema schema, ParquetOptions options, CancellationToken cancellationToken)
    {
        DiskSync.CreateDirectory(Path.GetDirectoryName(finalPath)!);
        var tempPath = ParquetFiles.TempPathFor(finalPath);
        var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true);
        try
        {
            var writer = await ParquetWriter.CreateAsync(schema, stream, options, append: false, cancellationToken).ConfigureAwait(false);
            return new PartWriter(finalPath, tempPath, stream, writer);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            ParquetFiles.TryDelete(tempPath);
            throw;
        }
    }

    public async Task WriteRowGroupAsync(Func<ParquetRowGroupWriter, Task> writeColumns, int rows)
    {
        using (var group = _writer.CreateRowGroup())
        {
            await writeColumns(group).ConfigureAwait(false);
        }

        Rows += rows;
    }

    /// <summary>Writes the footer, flushes the file to disk, closes it and renames it to <see cref="FinalPath"/>.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        _stream.Flush(flushToDisk: true);
        _closed = true;
        await _stream.DisposeAsync().ConfigureAwait(false);
        AtomicFile.Publish(TempPath, FinalPath, overwrite: false);
        _renamed = true;
    }

    /// <summary>
    /// Closes the file without finishing it and deletes it (the final file too if it was already renamed: no marker lists
    /// it). Never throws.
    /// </summary>
    public async ValueTask AbortAsync()
    {
        if (!_closed)
        {
            // The writer is not disposed: that would write a footer into a file that is deleted anyway.
            _closed = true;
            try
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
            }
        }

        ParquetFiles.TryDelete(_renamed ? FinalPath : TempPath);
    }
}
