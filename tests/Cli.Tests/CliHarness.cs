using MultiTrust.Cli;
using MultiTrust.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace MultiTrust.Cli.Tests;

/// <summary>Runs the CLI in-process against a test console in a temporary working directory.</summary>
internal sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string WorkingDirectory { get; } = Path.Combine(Path.GetTempPath(), "multitrust-cli-" + Guid.NewGuid().ToString("N"));

    public Dictionary<string, string> Environment { get; } = [];

    public ShutdownSignals Shutdown { get; } = new();

    public string Write(string name, string content)
    {
        var path = Path.Combine(WorkingDirectory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var environment = new CliEnvironment
        {
            Console = console,
            WorkingDirectory = WorkingDirectory,
            GetEnvironmentVariable = name => Environment.TryGetValue(name, out var value) ? value : null,
            PlainProgress = true,
            Shutdown = Shutdown,
        };
        var code = await CliApp.RunAsync(args, environment);
        return (code, console.Output);
    }

    public void Dispose()
    {
        Shutdown.Dispose();
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
