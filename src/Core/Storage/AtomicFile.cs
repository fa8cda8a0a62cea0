namespace MultiTrust.Core.Storage;

/// <summary>
/// Whole-file writes that readers never see half done: the bytes go to a uniquely named temporary file
/// (<c>.tmp-&lt;name&gt;.&lt;guid&gt;</c>) in the target folder, are flushed to disk, the file is renamed into place and
/// the folder is flushed (<see cref="DiskSync.FlushDirectory"/>), so the new name survives a crash too. The temporary
/// file is deleted if anything fails. Used for run cards, commit markers and reports; <see cref="Publish"/> is the
/// rename step for writers that stream their own temporary file (Parquet parts, the catalog).
/// </summary>
public static class AtomicFile
{
    /// <summary>The prefix of every temporary file; recovery deletes leftovers with it.</summary>
    public const string TempPrefix = ".tmp-";

    public static string TempPathFor(string finalPath) =>
        Path.Combine(Path.GetDirectoryName(finalPath)!, $"{TempPrefix}{Path.GetFileName(finalPath)}.{Guid.NewGuid():N}");

    /// <param name="overwrite">Replace an existing file (run card, report) or fail if one exists (commit marker).</param>
    public static async Task WriteAsync(string finalPath, ReadOnlyMemory<byte> content, bool overwrite, CancellationToken cancellationToken)
    {
        DiskSync.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(finalPath))!);
        var tempPath = TempPathFor(Path.GetFullPath(finalPath));
        try
        {
            await using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            Publish(tempPath, finalPath, overwrite);
        }
        catch
        {
            try
            {
                File.Delete(tempPath);
            }
            catch (IOException)
            {
            }

            throw;
        }
    }

    /// <summary>
    /// Renames a complete, flushed temporary file to its final name (in the same folder) and flushes the folder, so the
    /// rename is durable when this returns.
    /// </summary>
    /// <param name="overwrite">Replace an existing file, or fail with <see cref="IOException"/> if one exists.</param>
    public static void Publish(string tempPath, string finalPath, bool overwrite)
    {
        File.Move(tempPath, finalPath, overwrite);
        DiskSync.FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(finalPath))!);
    }
}
