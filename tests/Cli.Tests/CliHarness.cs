using MultiTrust.Cli;
using MultiTrust.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace MultiTrust.Cli.Tests;

/// <summary>Runs the CLI in-process against a test console in a temporary working directory.</summary>
internal sealed class CliHarness : IDisposable
{
    private readonly bool _ownsFolder;

    public CliHarness(string? workingDirectory = null)
    {
        _ownsFolder = workingDirectory is null;
        WorkingDirectory = workingDirectory ?? Path.Combine(Path.GetTempPath(), "multitrust-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string WorkingDirectory { get; }

    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>What the commands wrote to standard output as bytes (<c>--emit arrow=-</c>).</summary>
    public MemoryStream StandardOutput { get; } = new();

    public ShutdownSignals Shutdown { get; } = new();

    /// <summary>The HTTP handler factory of downloading commands; null for the default.</summary>
    public Func<HttpMessageHandler>? HttpHandler { get; set; }

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
            CreateHttpHandler = HttpHandler ?? (() => new SocketsHttpHandler()),
            OpenStandardOutput = () => StandardOutput,
        };
        var code = await CliApp.RunAsync(args, environment);
        return (code, console.Output);
    }

    public void Dispose()
    {
        Shutdown.Dispose();
        if (!_ownsFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
