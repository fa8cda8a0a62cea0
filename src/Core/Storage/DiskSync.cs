using System.Runtime.InteropServices;

namespace MultiTrust.Core.Storage;

/// <summary>
/// Makes renames and new files durable. A rename is only durable once the folder that holds the new name is flushed
/// (<c>fsync</c> of the folder), so every atomic write (<see cref="AtomicFile"/>, Parquet parts, the catalog) calls
/// <see cref="FlushDirectory"/> after its rename; the blob store calls <see cref="FlushFileSystem"/> once before the
/// commit that references the blobs written since the previous one.
/// </summary>
/// <remarks>
/// Linux only: .NET cannot open a folder as a file, so the calls go to libc (<c>open</c>, <c>fsync</c>, <c>syncfs</c>).
/// Elsewhere both are no-ops (Windows: NTFS journals renames; other systems are not targeted). A file system that
/// cannot flush a folder (<c>EINVAL</c>, <c>EOPNOTSUPP</c>, e.g. some network and FUSE file systems) is treated as
/// flushed; any other error is an <see cref="IOException"/> naming the path, since a commit must not claim a
/// durability it does not have.
/// </remarks>
public static class DiskSync
{
    /// <summary>True where the calls do something (Linux).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>Flushes a folder's entries (names created, renamed or removed in it) to disk.</summary>
    public static void FlushDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (IsSupported)
        {
            WithDescriptor(directory, "fsync of the folder", LibC.FSync);
        }
    }

    /// <summary>
    /// Creates a folder and any missing parents, flushing the parent of each one it created so the new folders survive a
    /// crash. Costs one status call when the folder exists.
    /// </summary>
    public static void CreateDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var full = Path.GetFullPath(directory);
        if (Directory.Exists(full))
        {
            return;
        }

        var missing = new Stack<string>();
        for (var d = full; d is not null && !Directory.Exists(d); d = Path.GetDirectoryName(d))
        {
            missing.Push(d);
        }

        Directory.CreateDirectory(full);
        foreach (var created in missing)
        {
            FlushDirectory(Path.GetDirectoryName(created)!);
        }
    }

    /// <summary>Flushes everything written to the file system that holds <paramref name="path"/> (one <c>syncfs</c>).</summary>
    public static void FlushFileSystem(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (IsSupported)
        {
            WithDescriptor(path, "syncfs", LibC.SyncFs);
        }
    }

    private static void WithDescriptor(string path, string what, Func<int, int> call)
    {
        var fd = LibC.Open(path, LibC.ReadOnly | LibC.CloseOnExec);
        if (fd < 0)
        {
            throw Failure(path, what, Marshal.GetLastPInvokeError());
        }

        try
        {
            if (call(fd) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno is not (LibC.InvalidArgument or LibC.NotSupported))
                {
                    throw Failure(path, what, errno);
                }
            }
        }
        finally
        {
            _ = LibC.Close(fd);
        }
    }

    private static IOException Failure(string path, string what, int errno) =>
        new($"{what} of {path} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");

    private static class LibC
    {
        public const int ReadOnly = 0;
        public const int CloseOnExec = 0x80000; // O_CLOEXEC on x86-64 and arm64
        public const int InvalidArgument = 22; // EINVAL
        public const int NotSupported = 95; // EOPNOTSUPP

        [DllImport("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        public static extern int Open(string path, int flags);

        [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
        public static extern int FSync(int fd);

        [DllImport("libc", EntryPoint = "syncfs", SetLastError = true)]
        public static extern int SyncFs(int fd);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        public static extern int Close(int fd);
    }
}
