using System.ComponentModel;
using MultiTrust.Cli.Composition;
using MultiTrust.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary><c>multitrust run FILE</c>: the whole pipeline, resumable.</summary>
public sealed class RunCommand(CliEnvironment environment) : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The pipeline YAML file (see docs/pipeline-yaml.md).")]
        public string File { get; init; } = "";

        [CommandOption("--model <SPEC>")]
        [Description("Replace the models: baseline:NAME or PROVIDER:URL:MODEL, e.g. openai-compatible:http://localhost:11434/v1:llava. Repeatable.")]
        public string[] Models { get; init; } = [];

        [CommandOption("--samples <N>")]
        [Description("Samples per task (overrides the file).")]
        public int? Samples { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Output folder (overrides 'output').")]
        public string? Output { get; init; }

        [CommandOption("--run-id <ID>")]
        [Description("Run id (default: <name>-<config hash>, so the same command resumes the same run).")]
        public string? RunId { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Run seed (overrides 'seed').")]
        public long? Seed { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var loaded = PipelineFiles.Load(environment, settings.File);
        if (!loaded.IsValid)
        {
            PipelineFiles.PrintProblems(environment.Console, loaded);
            return ExitCodes.InvalidInput;
        }

        var overrides = new PipelineOverrides(settings.Models, settings.Samples, settings.Output, settings.RunId, settings.Seed);
        var pipeline = overrides.ApplyTo(loaded.Definition!, environment.WorkingDirectory);
        return await new PipelineRun(environment).ExecuteAsync(pipeline);
    }
}
