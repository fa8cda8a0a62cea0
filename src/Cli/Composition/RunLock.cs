using MultiTrust.Cli.Infrastructure;

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
        Directory.CreateDirectory(runDirectory);
        var path = Path.Combine(runDirectory, ".lock");
        try
        {
            return new RunLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new UserError(
                $"Run '{runId}' is being written by another multitrust process (lock {path}: {e.Message}). " +
                "Wait for it to finish, or give this run another --run-id or --out. Nothing was changed.",
                ExitCodes.Failed);
        }
    }

    public void Dispose() => _stream.Dispose();
}
