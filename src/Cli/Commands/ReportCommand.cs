using System.ComponentModel;
using MultiTrust.Cli.Composition;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Runs;
using MultiTrust.Tasks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary><c>multitrust report RUN</c>: metrics and scores recomputed from committed rows, then report.md / report.html.</summary>
public sealed class ReportCommand(CliEnvironment environment) : AsyncCommand<ReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RUN>")]
        [Description("Run id (under --out) or the path of a run folder.")]
        public string Run { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("Output folder holding runs/ (default: out).")]
        public string Output { get; init; } = "out";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (outDir, runDir) = RunFolders.Resolve(environment, settings.Output, settings.Run);
        var card = await RunCardFactory.ReadAsync(runDir, cancellationToken)
            ?? throw new UserError($"{runDir} has no run.json; it is not a run folder.");
        var catalog = new TaskCatalog();
        var tasks = new List<ITrustTask>();
        foreach (var task in card.Config.Tasks)
        {
            tasks.Add(catalog.TryGet(task, out var t)
                ? t
                : throw new UserError($"Run '{card.RunId}' uses task '{task.Id}', which this version does not know."));
        }

        var outcome = await RunFinalizer.FinalizeAsync(outDir, runDir, card, tasks, writeReport: true, cancellationToken);
        environment.Console.Line($"report: {outcome.MarkdownPath}");
        environment.Console.Line($"        {outcome.HtmlPath}");
        if (!RunStatuses.IsFinished(card.Status))
        {
            environment.Console.Line($"note: the run is '{card.Status}'; the report covers its committed rows only.");
        }

        return ExitCodes.Ok;
    }
}
