using Spectre.Console;

namespace MultiTrust.Cli.Infrastructure;

/// <summary>
/// Everything a command needs from the outside world, injected so the CLI runs in-process in tests: the console,
/// time, the working directory, environment variables and the shutdown signals.
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
}
