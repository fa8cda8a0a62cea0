using Spectre.Console;

namespace MultiTrust.Cli.Infrastructure;

/// <summary>
/// Everything a command needs from the outside world, injected so the CLI runs in-process in tests: the console,
/// time, the working directory, environment variables, the shutdown signals and the HTTP handler of commands that
/// fetch files.
/// </summary>
public sealed class CliEnvironment
{
    public required IAnsiConsole Console { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public ShutdownSignals Shutdown { get; init; } = new();

    /// <summary>Plain periodic progress lines instead of a live display (redirected output, or <c>CI</c> set).</summary>
    public bool PlainProgress { get; init; }

    /// <summary>Interval between plain progress lines.</summary>
    public TimeSpan PlainProgressInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Creates the HTTP handler of commands that download files (<c>data prepare</c>); the command owns and disposes it.
    /// Default: a <see cref="SocketsHttpHandler"/>.
    /// </summary>
    public Func<HttpMessageHandler> CreateHttpHandler { get; init; } = () => new SocketsHttpHandler();

    /// <summary>
    /// Opens the process's standard output as a byte stream, for data written to <c>-</c> (<c>--emit arrow=-</c>); the
    /// console then writes to standard error. Default: <see cref="System.Console.OpenStandardOutput()"/>.
    /// </summary>
    public Func<Stream> OpenStandardOutput { get; init; } = System.Console.OpenStandardOutput;
}
