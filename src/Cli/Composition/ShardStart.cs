using System.Globalization;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Runs;

namespace MultiTrust.Cli.Composition;

/// <summary>
/// Opens one shard of a sharded run (<c>--shard k/N</c>). Every shard of the run shares its folder, so the run id is
/// explicit (<c>--run-id</c> or <c>MULTITRUST_RUN_ID</c>); the first shard to start writes the run card, the others check
/// that they run the same configuration and the same shard count. Starting a shard again (a new pod attempt) always
/// continues it: its own committed keys are skipped. A shard is written by one process at a time (its own lock,
/// <c>_shards/&lt;k&gt;.lock</c>); the run lock is held only while the run card is created or checked.
/// </summary>
internal static class ShardStart
{
    /// <summary>The shard to write (null <see cref="Lock"/> and <see cref="AlreadyComplete"/> set when there is nothing left to do).</summary>
    public sealed record Opened(RunCard Card, ShardCard Shard, string RunDir, RunLock? Lock, bool AlreadyComplete);

    private static readonly TimeSpan RunLockWait = TimeSpan.FromSeconds(30);

    public static async Task<Opened> OpenAsync(PipelineDefinition pipeline, RunCard fresh, ShardSpec shard, RunIntent intent, TimeProvider time)
    {
        if (intent.RunId is not null && pipeline.RunId is not null && intent.RunId != pipeline.RunId)
        {
            throw new UserError($"--resume {intent.RunId} and the run id '{pipeline.RunId}' (--run-id or run_id) name different runs; give one of them.");
        }

        var id = pipeline.RunId ?? intent.RunId ?? throw new UserError(
            $"--shard {shard} needs the run id every shard writes: give --run-id ID (or set MULTITRUST_RUN_ID), the same for all {shard.Count} shards.",
            ExitCodes.InvalidInput);
        var runsDir = Path.Combine(pipeline.Output, "runs");
        var runDir = Path.Combine(runsDir, id);
        RunCard card;
        ShardCard? previous;
        using (await AcquireRunLockAsync(runDir, id, time))
        {
            var existing = await RunCardFactory.ReadAsync(runDir, CancellationToken.None);
            if (existing is not null && !ShardCards.IsSharded(runDir))
            {
                throw new UserError(
                    $"Run '{id}' in {runsDir} is not a sharded run ({existing.Status}); shards never write into it. " +
                    "Give the sharded run another --run-id.", ExitCodes.InvalidInput);
            }

            if (existing is not null && existing.ConfigHash != fresh.ConfigHash)
            {
                throw new UserError(
                    $"Shard {shard} has another configuration than run '{id}' (config hash {fresh.ConfigHash[..12]} vs " +
                    $"{existing.ConfigHash[..12]} in its run.json): every shard must run the same pipeline file and flags.",
                    ExitCodes.InvalidInput);
            }

            var others = await ShardCards.ReadAllAsync(runDir, CancellationToken.None);
            if (others.FirstOrDefault(c => c.Of != shard.Count) is { } other)
            {
                throw new UserError(
                    $"Run '{id}' is split into {other.Of} shards (shard {other.Shard} says so), not {shard.Count}: " +
                    $"run every shard with --shard k/{other.Of}.", ExitCodes.InvalidInput);
            }

            if (existing is not null && RunStatuses.IsFinished(existing.Status))
            {
                throw new UserError($"Run '{id}' is complete (finished {existing.FinishedUtc:u}); a finished run is never resumed.", ExitCodes.InvalidInput);
            }

            Core.Storage.DiskSync.CreateDirectory(ShardCards.Folder(runDir));
            card = existing ?? fresh with { RunId = id };
            if (existing is null)
            {
                await RunCardFactory.WriteAsync(card, runDir, CancellationToken.None);
            }

            previous = others.FirstOrDefault(c => c.Shard == shard.Index);
        }

        if (previous is not null && previous.Status == RunStatuses.Complete)
        {
            return new Opened(card, previous, runDir, null, AlreadyComplete: true);
        }

        var shardLock = RunLock.TryAcquireFile(ShardCards.LockPathOf(runDir, shard.Index)) ?? throw new UserError(
            $"Shard {shard} of run '{id}' is being written by another multitrust process (lock {ShardCards.LockPathOf(runDir, shard.Index)}). " +
            "Nothing was changed.", ExitCodes.Failed);
        var now = time.GetUtcNow();
        var shardCard = new ShardCard
        {
            Shard = shard.Index,
            Of = shard.Count,
            Status = RunStatuses.Running,
            Attempts = (previous?.Attempts ?? 0) + 1,
            StartedUtc = previous?.StartedUtc ?? now,
            CommittedRows = previous?.CommittedRows ?? 0,
            Host = Environment.MachineName,
        };
        try
        {
            await ShardCards.WriteAsync(shardCard, runDir, CancellationToken.None);
        }
        catch
        {
            shardLock.Dispose();
            throw;
        }

        return new Opened(card, shardCard, runDir, shardLock, AlreadyComplete: false);
    }

    /// <summary>The run lock, waited for: other shards hold it only for the moment they create or check the run card.</summary>
    private static async Task<RunLock> AcquireRunLockAsync(string runDir, string id, TimeProvider time)
    {
        var deadline = time.GetUtcNow() + RunLockWait;
        while (true)
        {
            if (RunLock.TryAcquire(runDir) is { } acquired)
            {
                return acquired;
            }

            if (time.GetUtcNow() > deadline)
            {
                return RunLock.Acquire(runDir, id); // throws the usual "being written by another process" error
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time);
        }
    }

    /// <summary>The shards of <paramref name="count"/> whose card is not complete, as "0, 2".</summary>
    public static string Missing(IReadOnlyList<ShardCard> cards, int count) => string.Join(", ",
        Enumerable.Range(0, count).Where(k => cards.All(c => c.Shard != k || c.Status != RunStatuses.Complete))
            .Select(k => k.ToString(CultureInfo.InvariantCulture)));
}
