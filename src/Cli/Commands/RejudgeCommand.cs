using System.ComponentModel;
using MultiTrust.Cli.Composition;
using MultiTrust.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary>
/// <c>multitrust rejudge RUN [--judge ID]... [--errors-only]</c>: judges a run's committed responses again without
/// calling the models under test, commits the new judgment rows like any other, then recomputes metrics, scores and the
/// report. Readers use the latest judgment of each response and step.
/// </summary>
public sealed class RejudgeCommand(CliEnvironment environment) : AsyncCommand<RejudgeCommand.Settings>
{
    public sealed class Settings : RunFolderSettings
    {
        [CommandOption("--judge <ID>")]
        [Description("Judge again only this verdict step (a judgments judge_id, e.g. harmful) or every step of this judge model (e.g. harmbench), and the steps that read it. Repeatable. Default: every step.")]
        public string[] Judges { get; init; } = [];

        [CommandOption("--errors-only")]
        [Description("Judge again only judgments whose latest status is judge_error (what a resumed run does).")]
        public bool ErrorsOnly { get; init; }

        [CommandOption("--pipeline <FILE>")]
        [Description("The pipeline file of the run, for its judge_models and variants (default: the file named in run.json).")]
        public string? Pipeline { get; init; }

        [CommandOption("--judge-model <ID=SPEC>")]
        [Description("Set or add judge_models.ID: ENDPOINT:MODEL or openai-compatible:ENDPOINT:MODEL (perspective: ENDPOINT). Repeatable.")]
        public string[] JudgeModels { get; init; } = [];

        [CommandOption("--data <DIR>")]
        [Description("The official MultiTrust release's root folder, for runs with official tasks (overrides 'data_root').")]
        public string? Data { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var overrides = new PipelineOverrides([], null, null, null, null) { JudgeModels = settings.JudgeModels, DataRoot = settings.Data };
        var request = new RejudgeRequest(settings.Output, settings.Run, settings.Judges, settings.ErrorsOnly, settings.Pipeline, overrides);
        return new PipelineRun(environment).RejudgeAsync(request);
    }
}
