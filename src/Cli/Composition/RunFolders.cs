using MultiTrust.Cli.Infrastructure;

namespace MultiTrust.Cli.Composition;

/// <summary>Finds a run folder from a run id or a path.</summary>
internal static class RunFolders
{
    public static (string OutDir, string RunDir) Resolve(CliEnvironment environment, string output, string run)
    {
        var asPath = Path.GetFullPath(run, environment.WorkingDirectory);
        if (File.Exists(Path.Combine(asPath, "run.json")))
        {
            var parent = Path.GetDirectoryName(asPath.TrimEnd(Path.DirectorySeparatorChar))!;
            return (Path.GetDirectoryName(parent)!, asPath);
        }

        var outDir = Path.GetFullPath(output, environment.WorkingDirectory);
        var runDir = Path.Combine(outDir, "runs", run);
        if (File.Exists(Path.Combine(runDir, "run.json")))
        {
            return (outDir, runDir);
        }

        var runs = Directory.Exists(Path.Combine(outDir, "runs"))
            ? Directory.GetDirectories(Path.Combine(outDir, "runs")).Select(Path.GetFileName).Order().ToList()
            : [];
        throw new UserError(
            $"No run '{run}' in {outDir}" + (runs.Count == 0 ? " (it holds no runs)." : $"; runs there: {string.Join(", ", runs)}."));
    }
}
