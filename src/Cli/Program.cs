using System.Runtime.InteropServices;
using MultiTrust.Cli;
using MultiTrust.Cli.Infrastructure;
using Spectre.Console;

using var shutdown = new ShutdownSignals();
// `--emit arrow=-` writes Arrow IPC to standard output: everything the console says goes to standard error instead.
var emitsToStdout = args.Select((a, i) => a == "--emit" && i + 1 < args.Length && args[i + 1] == "arrow=-").Any(b => b)
    || args.Contains("--emit=arrow=-");
var console = emitsToStdout
    ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })
    : AnsiConsole.Console;
if (Console.IsOutputRedirected || emitsToStdout)
{
    // Log files and CI: do not wrap tables and paths at 80 columns.
    console.Profile.Width = 200;
}

void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    var stage = shutdown.Signal();
    console.MarkupLine(stage == 1
        ? $"[yellow]Stopping: no new requests; requests in flight get up to {shutdown.GracePeriod.TotalSeconds:0} s to finish, then completed work is committed. Press Ctrl+C again to abort them now.[/]"
        : "[yellow]Aborting requests in flight; committing completed work.[/]");
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

var environment = new CliEnvironment
{
    Console = console,
    Shutdown = shutdown,
    PlainProgress = Console.IsOutputRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")),
};
return await CliApp.RunAsync(args, environment);
