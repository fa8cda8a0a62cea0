using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Storage;

namespace MultiTrust.Cli.Composition;

/// <summary>
/// An exclusive lock on a run folder (<c>&lt;run&gt;/.lock</c>, held open with <see cref="FileShare.None"/>, which .NET
/// enforces between processes), so two processes never write, recover or commit the same run at once.
/// </summary>
internal sealed class RunLock : IDisposable
{
    private readonly FileStream _stream;

    private RunLock(FileStream stream) => _stream = stream;

    public static RunLock Acquire(string runDirectory, string runId)
    {
        DiskSync.CreateDirectory(runDirectory);
        var path = Path.Combine(runDirectory, ".lock");
        try
        {
            return new RunLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new UserError(
                $"Run '{runId}' is being written by another multitrust process (lock {path}: {e.Message}). " +
                "Wait for it to finish, or start a new run (without --resume / --run-id). Nothing was changed.",
                ExitCodes.Failed);
        }
    }

    /// <summary>Takes the lock, or returns null when another process holds it.</summary>
    public static RunLock? TryAcquire(string runDirectory)
    {
        DiskSync.CreateDirectory(runDirectory);
        try
        {
            return new RunLock(new FileStream(Path.Combine(runDirectory, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Takes the lock file at <paramref name="path"/> (a shard's lock), or returns null when another process holds it.</summary>
    public static RunLock? TryAcquireFile(string path)
    {
        DiskSync.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new RunLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
