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
            tasks.Add(catalog.TryGet(task.Id, task.Suite ?? TaskSuites.Synthetic, out var t)
                ? t
                : throw new UserError($"Run '{card.RunId}' uses task '{task.Id}', which this version does not know."));
        }

        var shards = await ShardCards.ReadAllAsync(runDir, cancellationToken);
        if (ShardCards.IsSharded(runDir))
        {
            card = CheckShardsComplete(card, runDir, shards);
        }

        var outcome = await RunFinalizer.FinalizeAsync(outDir, runDir, card, tasks, writeReport: true, cancellationToken);
        if (ShardCards.IsSharded(runDir))
        {
            // Every shard has committed every row: the run is finished once its metrics, scores and report exist.
            var judgeErrors = outcome.Tally.Counts().Where(c => c.Status == "judge_error").Sum(c => (long)c.Count);
            card = card with { Status = RunStatuses.Finished(judgeErrors), FinishedUtc = environment.Time.GetUtcNow() };
            await RunCardFactory.WriteAsync(card, runDir, cancellationToken);
            environment.Console.Line($"run {card.RunId}: {shards.Count} shards aggregated, {card.Status}");
        }

        environment.Console.Line($"report: {outcome.MarkdownPath}");
        environment.Console.Line($"        {outcome.HtmlPath}");
        if (!RunStatuses.IsFinished(card.Status))
        {
            environment.Console.Line($"note: the run is '{card.Status}'; the report covers its committed rows only.");
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// A sharded run is reported only once every shard has committed every sample (a partial report would look like a
    /// finished run's scores); the run card then takes the dataset hashes the shards computed.
    /// </summary>
    private static RunCard CheckShardsComplete(RunCard card, string runDir, IReadOnlyList<ShardCard> shards)
    {
        var entries = ShardProgress.Read(runDir, shards);
        var missing = entries.Where(e => !e.Complete).ToList();
        if (entries.Count == 0 || missing.Count > 0)
        {
            throw new UserError(
                entries.Count == 0
                    ? $"Run '{card.RunId}' is sharded but no shard has started; nothing to report."
                    : $"Run '{card.RunId}' is not complete: {missing.Count} of {entries.Count} shards have not committed all their samples:\n  " +
                      string.Join("\n  ", missing.Select(e => $"shard {e.Shard}/{entries.Count}: {e.State}, {e.CommittedRows} rows committed")) +
                      "\nRun those shards (the same command with their --shard k/N), then report again. Nothing was written.",
                ExitCodes.Incomplete);
        }

        return card with { DatasetHashes = shards[0].DatasetHashes };
    }
}
