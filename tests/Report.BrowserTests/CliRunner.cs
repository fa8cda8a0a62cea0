using MultiTrust.Cli;
using MultiTrust.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace MultiTrust.Report.BrowserTests;

/// <summary>Runs the <c>multitrust</c> CLI in-process in a temporary working directory (deleted on dispose).</summary>
internal sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        WorkingDirectory = Path.Combine(Path.GetTempPath(), "multitrust-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string WorkingDirectory { get; }

    public static string RepoRoot { get; } = FindRepoRoot();

    public async Task<string> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        using var shutdown = new ShutdownSignals();
        var environment = new CliEnvironment
        {
            Console = console,
            WorkingDirectory = WorkingDirectory,
            GetEnvironmentVariable = _ => null,
            PlainProgress = true,
            Shutdown = shutdown,
            CreateHttpHandler = () => new SocketsHttpHandler(),
        };
        var code = await CliApp.RunAsync(args, environment);
        Assert.True(code == ExitCodes.Ok, $"multitrust {string.Join(' ', args)} exited {code}:\n{console.Output}");
        return console.Output;
    }

    /// <summary>The run folders under <c>out/runs</c>, oldest first.</summary>
    public IReadOnlyList<string> RunDirs() =>
        [.. Directory.GetDirectories(Path.Combine(WorkingDirectory, "out", "runs")).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MultiTrust.Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("MultiTrust.Pipeline.sln not found above the test binaries.");
    }
}
