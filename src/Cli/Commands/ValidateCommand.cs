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

        [CommandOption("--data <DIR>")]
        [Description("The official release's root folder: checks that every official task finds its files.")]
        public string? Data { get; init; }

        [CommandOption("--skip-missing")]
        [Description("Do not report official tasks whose data is missing (they would be skipped by run --skip-missing).")]
        public bool SkipMissing { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var result = PipelineFiles.Load(environment, settings.File);
        if (!result.IsValid)
        {
            PipelineFiles.PrintProblems(environment.Console, result);
            return ExitCodes.InvalidInput;
        }

        var pipeline = new PipelineOverrides([], null, null, null, null) { DataRoot = settings.Data, SkipMissing = settings.SkipMissing }
            .ApplyTo(result.Definition!, environment.WorkingDirectory);
        var problems = PlanCheck.Problems(pipeline);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                environment.Console.Line(problem);
            }

            environment.Console.Line($"{settings.File}: {problems.Count} problem(s); nothing would be sent.");
            return ExitCodes.InvalidInput;
        }

        environment.Console.MarkupLineInterpolated(
            $"[green]ok[/] {settings.File}: {pipeline.Tasks.Count} task(s), {pipeline.Models.Count} model(s), {pipeline.Tasks.Sum(t => t.Samples)} samples per model, {pipeline.Tasks.Sum(t => (long)t.Samples * (1 + t.Variants.Count))} requests per model with {pipeline.Tasks.Sum(t => t.Variants.Count)} variant(s), output {pipeline.Output}");
        return ExitCodes.Ok;
    }
}
