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
/// selected task's verdict chain requires and neither <c>judge_models</c> nor <c>--judge-model</c> provides.
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
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var overrides = new PipelineOverrides([], null, null, null, null) { JudgeModels = settings.JudgeModels };
        var result = PipelineFiles.Load(environment, settings.File, overrides.ProvidedJudgeModelIds());
        if (!result.IsValid)
        {
            PipelineFiles.PrintProblems(environment.Console, result);
            return ExitCodes.InvalidInput;
        }

        var pipeline = overrides.ApplyTo(result.Definition!, environment.WorkingDirectory);
        var missing = MissingJudgeModels(pipeline);
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

    /// <summary>Required model-backed verdict steps of the selected tasks whose judge model is not configured.</summary>
    private static List<string> MissingJudgeModels(PipelineDefinition pipeline)
    {
        var configured = pipeline.JudgeModels.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var selection in pipeline.Tasks)
        {
            if (!TaskCatalog.TryGetDefinition(selection.Id, out var definition)
                || definition.For(RunCardFactory.SuiteOf(pipeline, selection)) is not { } binding)
            {
                continue;
            }

            foreach (var step in binding.Verdicts.OfType<ModelVerdict>().Where(s => !s.Optional && !configured.Contains(s.JudgeModel)))
            {
                missing.Add(
                    $"task {definition.Info.Id}: verdict step '{step.Id}' needs judge model '{step.JudgeModel}', which is not configured: " +
                    $"add judge_models.{step.JudgeModel} to the pipeline or pass --judge-model {step.JudgeModel}=SPEC");
            }
        }

        return missing;
    }
}
