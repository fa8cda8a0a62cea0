using MultiTrust.Cli.Infrastructure;

namespace MultiTrust.Cli.Composition;

/// <summary>
/// Where a run keeps its SQLite caches (responses, perturbations): <c>MULTITRUST_CACHE_DIR</c> when set, else
/// <c>&lt;out&gt;/cache</c>. SQLite's WAL journal needs a local file system, so shards whose output is a network volume
/// (a Kubernetes ReadWriteMany claim) point this at local disk.
/// </summary>
internal static class CacheFolder
{
    public static string Of(CliEnvironment environment, string output) =>
        environment.GetEnvironmentVariable(EnvironmentVariables.CacheDir) is { } dir && !string.IsNullOrWhiteSpace(dir)
            ? Path.GetFullPath(dir.Trim(), environment.WorkingDirectory)
            : Path.Combine(output, "cache");
}
