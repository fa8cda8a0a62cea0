using System.ComponentModel;
using System.Globalization;
using MultiTrust.Cli.Composition;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Runs;
using MultiTrust.Sinks.Results;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary>
/// <c>multitrust status RUN</c>: the run's status and committed rows and, for a sharded run, every shard's state, committed
/// rows and attempts, and which shards are missing. Reads only; exit 0 when the run (for a sharded run: every shard) has
/// committed every row, else 3.
/// </summary>
public sealed class StatusCommand(CliEnvironment environment) : AsyncCommand<StatusCommand.Settings>
{
    public sealed class Settings : RunFolderSettings
    {
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = environment.Console;
        var (_, runDir) = RunFolders.Resolve(environment, settings.Output, settings.Run);
        var card = await RunCardFactory.ReadAsync(runDir, cancellationToken)
            ?? throw new UserError($"{runDir} has no run.json; it is not a run folder.");
        var commits = new RunStore().ReadCommits(runDir);
        var total = commits.SelectMany(m => m.Parts).Where(p => p.Table == TableNames.Responses).Sum(p => p.Rows);
        console.Line(string.Create(CultureInfo.InvariantCulture,
            $"run {card.RunId}: {card.Status}, {total} rows committed (pipeline {card.Pipeline}, config {card.ConfigHash[..12]})"));
        var cards = await ShardCards.ReadAllAsync(runDir, cancellationToken);
        if (!ShardCards.IsSharded(runDir))
        {
            return RunStatuses.IsFinished(card.Status) ? ExitCodes.Ok : ExitCodes.Incomplete;
        }

        var entries = ShardProgress.Read(runDir, cards);
        console.Line(entries.Count == 0
            ? "shards: none started yet"
            : string.Create(CultureInfo.InvariantCulture, $"shards: {entries.Count(e => e.Complete)} of {entries.Count} complete"));
        foreach (var e in entries)
        {
            console.Line(string.Create(CultureInfo.InvariantCulture,
                $"  shard {e.Shard}/{entries.Count}: {e.State}, {e.CommittedRows} rows committed, {e.Attempts} attempt(s)"));
        }

        var missing = entries.Where(e => !e.Complete).Select(e => e.Shard.ToString(CultureInfo.InvariantCulture)).ToList();
        if (missing.Count > 0 || entries.Count == 0)
        {
            console.Line(missing.Count > 0 ? $"missing: shard(s) {string.Join(", ", missing)} not complete" : "missing: every shard");
            return ExitCodes.Incomplete;
        }

        console.Line(RunStatuses.IsFinished(card.Status)
            ? "every shard is complete and the report is written"
            : $"every shard is complete; write the report with: multitrust report {card.RunId} --out {settings.Output}");
        return ExitCodes.Ok;
    }
}
