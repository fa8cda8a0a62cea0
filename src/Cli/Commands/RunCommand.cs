using System.ComponentModel;
using MultiTrust.Cli.Composition;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Runs;
using MultiTrust.Engine;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary><c>multitrust run FILE</c>: the whole pipeline as a new run, or <c>--resume</c> an unfinished one.</summary>
public sealed partial class RunCommand(CliEnvironment environment) : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The pipeline YAML file (see docs/pipeline-yaml.md).")]
        public string File { get; init; } = "";

        [CommandOption("--model <SPEC>")]
        [Description("Replace the models: baseline:NAME or PROVIDER:URL:MODEL, e.g. openai-compatible:http://localhost:11434/v1:llava. Repeatable.")]
        public string[] Models { get; init; } = [];

        [CommandOption("--judge-model <ID=SPEC>")]
        [Description("Set or add judge_models.ID: ENDPOINT:MODEL or openai-compatible:ENDPOINT:MODEL (perspective: ENDPOINT). '*=SPEC' sets every LLM judge model (gpt-judge, llm-*). Repeatable.")]
        public string[] JudgeModels { get; init; } = [];

        [CommandOption("--samples <N>")]
        [Description("Samples per task (overrides the file).")]
        public int? Samples { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Output folder (overrides 'output').")]
        public string? Output { get; init; }

        [CommandOption("--run-id <ID>")]
        [Description("Run id of the new run (default: <name>-<config hash>-<UTC start, e.g. 20261204T183000Z>); it must not exist yet.")]
        public string? RunId { get; init; }

        [CommandOption("--resume [RUN]")]
        [Description("Continue the latest unfinished run of this configuration (same name and config hash), or RUN. Without it every run is a new run.")]
        public FlagValue<string>? Resume { get; init; }

        [CommandOption("--reuse-cache")]
        [Description("Answer from response-cache entries other runs wrote (same request and served model); default: only this run's own entries (cache: {reuse: true} in the file).")]
        public bool ReuseCache { get; init; }

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

        [CommandOption("--shard <K/N>")]
        [Description("Evaluate only shard K of N (the samples whose id hashes to K mod N) into the run --run-id names; every shard of the run writes the same folder. Default: JOB_COMPLETION_INDEX of JOB_COMPLETIONS (or MULTITRUST_SHARDS) when set. See docs/scale-out.md.")]
        public string? Shard { get; init; }

        [CommandOption("--commit-interval <DURATION>")]
        [Description("...or after this much time, e.g. 10s (default).")]
        public string? CommitInterval { get; init; }

        [CommandOption("--emit <SINK>")]
        [Description("Also stream the committed responses and judgments as Arrow IPC (stream format): arrow=PATH, or arrow=- for standard output (the console then writes to standard error). For Polars, DuckDB, Spark, pandas.")]
        public string? Emit { get; init; }

        public override ValidationResult Validate()
        {
            if (Emit is not null && (!Emit.StartsWith("arrow=", StringComparison.Ordinal) || Emit.Length == "arrow=".Length))
            {
                return ValidationResult.Error($"--emit must be arrow=PATH or arrow=- (standard output), not '{Emit}'");
            }

            if (CommitEvery is < 1)
            {
                return ValidationResult.Error($"--commit-every must be at least 1, not {CommitEvery}");
            }

            if (Shard is not null && !ShardSpec.TryParse(Shard, out _, out var shardError))
            {
                return ValidationResult.Error($"--shard: {shardError}");
            }

            return CommitInterval is null || (DurationText.TryParse(CommitInterval, out var interval) && interval > TimeSpan.Zero)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--commit-interval must be a positive duration such as 500ms or 10s, not '{CommitInterval}'");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var shard = ShardSelection.Resolve(settings.Shard, environment.GetEnvironmentVariable);
        var runId = settings.RunId ?? NonEmpty(environment.GetEnvironmentVariable(EnvironmentVariables.RunId));
        var overrides = new PipelineOverrides(settings.Models, settings.Samples, settings.Output, runId, settings.Seed)
        {
            JudgeModels = settings.JudgeModels,
            DataRoot = settings.Data,
            SkipMissing = settings.SkipMissing,
            ReuseCache = settings.ReuseCache,
        };
        var loaded = PipelineFiles.Load(environment, settings.File, overrides.ProvidedJudgeModelIds());
        if (!loaded.IsValid)
        {
            PipelineFiles.PrintProblems(environment.Console, loaded);
            return ExitCodes.InvalidInput;
        }

        var pipeline = overrides.ApplyTo(loaded.Definition!, environment.WorkingDirectory);
        var engine = new EngineOptions();
        engine = engine with
        {
            CommitEveryItems = settings.CommitEvery ?? engine.CommitEveryItems,
            CommitInterval = settings.CommitInterval is null ? engine.CommitInterval : ParseInterval(settings.CommitInterval),
        };
        var intent = new RunIntent
        {
            Resume = settings.Resume?.IsSet == true,
            RunId = string.IsNullOrEmpty(settings.Resume?.Value) ? null : settings.Resume.Value,
            CommandLine = CommandLineOf(settings),
        };
        return await new PipelineRun(environment) { EngineOptions = engine, Intent = intent, Shard = shard, ArrowEmit = settings.Emit?["arrow=".Length..] }.ExecuteAsync(pipeline);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static TimeSpan ParseInterval(string text)
    {
        DurationText.TryParse(text, out var interval);
        return interval;
    }
}
