using System.Globalization;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Runs;
using MultiTrust.Engine;
using MultiTrust.Sinks.Results;

namespace MultiTrust.Cli.Composition;

internal sealed partial class PipelineRun
{
    /// <summary>
    /// The run folder, its lock and card: a whole run (<see cref="RunStart"/>, shard card null) or one shard of a sharded
    /// run (<see cref="ShardStart"/>). A null lock means the shard is already complete.
    /// </summary>
    private async Task<(RunCard Card, string RunDir, RunLock? Lock, ShardCard? ShardCard)> OpenAsync(PipelineDefinition pipeline, RunCard fresh)
    {
        if (Shard is null)
        {
            var (card, runDir, runLock) = await RunStart.OpenAsync(pipeline, fresh, Intent);
            return (card, runDir, runLock, null);
        }

        var opened = await ShardStart.OpenAsync(pipeline, fresh, Shard, Intent, environment.Time);
        return (opened.Card, opened.RunDir, opened.Lock, opened.Shard);
    }

    /// <summary>A stopped attempt's status: on the shard card of a shard (the run card is shared), else on the run card.</summary>
    private static Task WriteStatusAsync(RunCard card, ShardCard? shard, string runDir) => shard is null
        ? RunCardFactory.WriteAsync(card, runDir, CancellationToken.None)
        : ShardCards.WriteAsync(shard with { Status = card.Status }, runDir, CancellationToken.None);

    /// <summary>
    /// A shard whose samples are all committed: its card says complete. Metrics, scores and the report cover the whole run,
    /// so they are written by <c>multitrust report</c> once every shard is complete, never by one shard.
    /// </summary>
    private async Task<int> CompleteShardAsync(
        PipelineDefinition pipeline, RunCard card, ShardCard shard, string runDir, EngineResult result, RunProgress progress)
    {
        var committed = ShardProgress.CommittedRows(new RunStore().ReadCommits(runDir), Shard!.Id);
        await ShardCards.WriteAsync(
            shard with
            {
                Status = RunStatuses.Complete,
                FinishedUtc = environment.Time.GetUtcNow(),
                CommittedRows = committed,
                DatasetHashes = result.DatasetHashes,
            },
            runDir, CancellationToken.None);
        var cards = await ShardCards.ReadAllAsync(runDir, CancellationToken.None);
        environment.Console.Line(string.Create(CultureInfo.InvariantCulture,
            $"shard {Shard} complete: {committed} rows committed ({progress.Committed} this attempt, {result.Skipped} from earlier attempts). ") +
            ShardsLeft(cards, card, pipeline));
        return ExitCodes.Ok;
    }

    /// <summary>Which shards are still to finish, or the report command once none is.</summary>
    private static string ShardsLeft(IReadOnlyList<ShardCard> cards, RunCard card, PipelineDefinition pipeline)
    {
        var count = cards.Count == 0 ? 1 : cards[0].Of;
        var missing = ShardStart.Missing(cards, count);
        return missing.Length > 0
            ? $"Shards not complete yet: {missing}."
            : $"Every shard is complete; write the report with:\n  multitrust report {card.RunId} --out {pipeline.Output}";
    }
}
