using System.ComponentModel;
using MultiTrust.Cli.Composition;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Runs;
using MultiTrust.Tasks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary>
/// <c>multitrust validate FILE</c>: every problem with file:line:column and what is expected, including a judge model a
/// selected task's verdict chain requires and neither <c>judge_models</c> nor <c>--judge-model</c> provides, and a
/// sample count above a synthetic generator's distinct-sample space.
/// </summary>
public sealed class ValidateCommand(CliEnvironment environment) : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The pipeline YAML file.")]
        public string File { get; init; } = "";

        [CommandOption("--judge-model <ID=SPEC>")]
        [Description("Set or add judge_models.ID as 'run' does: ENDPOINT:MODEL or openai-compatible:ENDPOINT:MODEL; '*=SPEC' for every LLM judge model. Repeatable.")]
        public string[] JudgeModels { get; init; } = [];

        [CommandOption("--data <DIR>")]
        [Description("The official release's root folder: checks that every official task finds its files.")]
        public string? Data { get; init; }

        [CommandOption("--samples <N>")]
        [Description("Samples per task, as 'run --samples' would use (overrides the file): checked against each synthetic generator's distinct-sample space.")]
        public int? Samples { get; init; }

        [CommandOption("--skip-missing")]
        [Description("Do not report official tasks whose data is missing (they would be skipped by run --skip-missing).")]
        public bool SkipMissing { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var overrides = new PipelineOverrides([], settings.Samples, null, null, null)
        {
            JudgeModels = settings.JudgeModels,
            DataRoot = settings.Data,
            SkipMissing = settings.SkipMissing,
        };
        var result = PipelineFiles.Load(environment, settings.File, overrides.ProvidedJudgeModelIds());
        if (!result.IsValid)
        {
            PipelineFiles.PrintProblems(environment.Console, result);
            return ExitCodes.InvalidInput;
        }

        var pipeline = overrides.ApplyTo(result.Definition!, environment.WorkingDirectory);
        var missing = PlanCheck.Problems(pipeline);
        if (missing.Count > 0)
        {
            environment.Console.MarkupLineInterpolated($"[red]error:[/] the pipeline is invalid ({missing.Count} problem(s)); nothing was run:");
            foreach (var line in missing)
            {
                environment.Console.MarkupLineInterpolated($"  {settings.File}: {line}");
            }

            return ExitCodes.InvalidInput;
        }

        environment.Console.MarkupLineInterpolated(
            $"[green]ok[/] {settings.File}: {pipeline.Tasks.Count} task(s), {pipeline.Models.Count} model(s), {pipeline.JudgeModels.Count} judge model(s), {pipeline.Tasks.Sum(t => t.Samples)} samples per model, {pipeline.Tasks.Sum(t => (long)t.Samples * (1 + t.Variants.Count))} requests per model with {pipeline.Tasks.Sum(t => t.Variants.Count)} variant(s), output {pipeline.Output}");
        return ExitCodes.Ok;
    }
}
