using System.ComponentModel;
using MultiTrust.Cli.Composition;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Pipeline;
using MultiTrust.Engine;
using Spectre.Console;
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

        [CommandOption("--data <DIR>")]
        [Description("The official MultiTrust release's root folder (the one holding truthfulness/, safety/, ...), for tasks with source: official (overrides 'data_root').")]
        public string? Data { get; init; }

        [CommandOption("--skip-missing")]
        [Description("Run the official tasks whose data is present; the others are reported as 'not scored: data missing at PATH'.")]
        public bool SkipMissing { get; init; }

        [CommandOption("--commit-every <N>")]
        [Description("Commit Parquet parts after this many results (default 50000). Smaller loses less work to a crash but writes more files.")]
        public int? CommitEvery { get; init; }

        [CommandOption("--commit-interval <DURATION>")]
        [Description("...or after this much time, e.g. 10s (default).")]
        public string? CommitInterval { get; init; }

        public override ValidationResult Validate()
        {
            if (CommitEvery is < 1)
            {
                return ValidationResult.Error($"--commit-every must be at least 1, not {CommitEvery}");
            }

            return CommitInterval is null || (DurationText.TryParse(CommitInterval, out var interval) && interval > TimeSpan.Zero)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--commit-interval must be a positive duration such as 500ms or 10s, not '{CommitInterval}'");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var loaded = PipelineFiles.Load(environment, settings.File);
        if (!loaded.IsValid)
        {
            PipelineFiles.PrintProblems(environment.Console, loaded);
            return ExitCodes.InvalidInput;
        }

        var overrides = new PipelineOverrides(settings.Models, settings.Samples, settings.Output, settings.RunId, settings.Seed)
        {
            DataRoot = settings.Data,
            SkipMissing = settings.SkipMissing,
        };
        var pipeline = overrides.ApplyTo(loaded.Definition!, environment.WorkingDirectory);
        var engine = new EngineOptions();
        engine = engine with
        {
            CommitEveryItems = settings.CommitEvery ?? engine.CommitEveryItems,
            CommitInterval = settings.CommitInterval is null ? engine.CommitInterval : ParseInterval(settings.CommitInterval),
        };
        return await new PipelineRun(environment) { EngineOptions = engine }.ExecuteAsync(pipeline);
    }

    private static TimeSpan ParseInterval(string text)
    {
        DurationText.TryParse(text, out var interval);
        return interval;
    }
}
