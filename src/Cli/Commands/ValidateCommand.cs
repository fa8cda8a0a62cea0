using System.ComponentModel;
using MultiTrust.Cli.Composition;
using MultiTrust.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary><c>multitrust validate FILE</c>: every problem with file:line:column and what is expected.</summary>
public sealed class ValidateCommand(CliEnvironment environment) : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The pipeline YAML file.")]
        public string File { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var result = PipelineFiles.Load(environment, settings.File);
        if (!result.IsValid)
        {
            PipelineFiles.PrintProblems(environment.Console, result);
            return ExitCodes.InvalidInput;
        }

        var pipeline = result.Definition!;
        environment.Console.MarkupLineInterpolated(
            $"[green]ok[/] {settings.File}: {pipeline.Tasks.Count} task(s), {pipeline.Models.Count} model(s), {pipeline.Tasks.Sum(t => t.Samples)} samples per model, {pipeline.Tasks.Sum(t => (long)t.Samples * (1 + t.Variants.Count))} requests per model with {pipeline.Tasks.Sum(t => t.Variants.Count)} variant(s), output {pipeline.Output}");
        return ExitCodes.Ok;
    }
}
