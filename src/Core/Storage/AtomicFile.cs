namespace MultiTrust.Core.Storage;

/// <summary>
/// Whole-file writes that readers never see half done: the bytes go to a uniquely named temporary file
/// (<c>.tmp-&lt;name&gt;.&lt;guid&gt;</c>) in the target folder, are flushed to disk, and the file is renamed into place.
/// The temporary file is deleted if anything fails. Used for run cards, commit markers and reports.
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
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(finalPath))!);
        var tempPath = TempPathFor(Path.GetFullPath(finalPath));
        try
        {
            await using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(tempPath, finalPath, overwrite);
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
}
