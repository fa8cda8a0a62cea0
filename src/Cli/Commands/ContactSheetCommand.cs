using System.ComponentModel;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Stages.Perturbation.Images;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary><c>multitrust perturbations contact-sheet --out FILE</c>: every image perturbation at severities 1, 3 and 5 on a procedural scene (the image in docs/perturbations.md).</summary>
public sealed class ContactSheetCommand(CliEnvironment environment) : AsyncCommand<ContactSheetCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--out <FILE>")]
        [Description("PNG to write (default: perturbations-contact-sheet.png).")]
        public string Output { get; init; } = "perturbations-contact-sheet.png";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(settings.Output, environment.WorkingDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await ContactSheet.WriteDefaultAsync(path, cancellationToken);
        environment.Console.Line($"contact sheet: {path}");
        return ExitCodes.Ok;
    }
}
