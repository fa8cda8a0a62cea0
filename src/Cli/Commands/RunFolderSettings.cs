using System.ComponentModel;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary>
/// The arguments every command that works on one committed run shares: the run (its id under <c>--out</c>, or the path
/// of its folder) and the output folder. Commands add their own options by deriving from it.
/// </summary>
public class RunFolderSettings : CommandSettings
{
    [CommandArgument(0, "<RUN>")]
    [Description("Run id (under --out) or the path of a run folder.")]
    public string Run { get; init; } = "";

    [CommandOption("--out <DIR>")]
    [Description("Output folder holding runs/ (default: out).")]
    public string Output { get; init; } = "out";
}
