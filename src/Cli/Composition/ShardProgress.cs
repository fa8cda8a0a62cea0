using System.Globalization;
using MultiTrust.Core.Runs;
using MultiTrust.Sinks.Results;

namespace MultiTrust.Cli.Composition;

/// <summary>Where each shard of a sharded run stands, read from its card, its lock and the run's commit markers.</summary>
internal static class ShardProgress
{
    /// <summary>One shard's line of <c>multitrust status</c>.</summary>
    public sealed record Entry(int Shard, string State, long CommittedRows, int Attempts, bool Complete);

    /// <summary>The result rows (responses, one per sample × variant × model) a shard has committed.</summary>
    public static long CommittedRows(IReadOnlyList<CommitMarker> commits, string shard) => commits
        .Where(m => m.Shard == shard)
        .SelectMany(m => m.Parts)
        .Where(p => p.Table == TableNames.Responses)
        .Sum(p => p.Rows);

    /// <summary>
    /// Every shard 0..N-1 of the run, N from its cards. A card that says running while no process holds the shard's lock
    /// belongs to a killed attempt: the shard is resumable (re-run it).
    /// </summary>
    public static IReadOnlyList<Entry> Read(string runDir, IReadOnlyList<ShardCard> cards)
    {
        if (cards.Count == 0)
        {
            return [];
        }

        var commits = new RunStore().ReadCommits(runDir);
        var count = cards.Max(c => c.Of);
        var entries = new List<Entry>(count);
        for (var k = 0; k < count; k++)
        {
            var id = k.ToString(CultureInfo.InvariantCulture);
            var rows = CommittedRows(commits, id);
            var card = cards.FirstOrDefault(c => c.Shard == k);
            var state = card switch
            {
                null => "not started",
                { Status: RunStatuses.Running } when !IsHeld(runDir, k) => "stopped (killed while running; re-run the shard to resume)",
                { Status: RunStatuses.Running } => "running",
                { Status: RunStatuses.Interrupted } => "interrupted (re-run the shard to resume)",
                { Status: RunStatuses.Failed } => "failed (fix the cause and re-run the shard)",
                _ => card.Status,
            };
            entries.Add(new Entry(k, state, rows, card?.Attempts ?? 0, card?.Status == RunStatuses.Complete));
        }

        return entries;
    }

    private static bool IsHeld(string runDir, int shard)
    {
        var path = ShardCards.LockPathOf(runDir, shard);
        if (!File.Exists(path))
        {
            return false;
        }

        using var probe = RunLock.TryAcquireFile(path);
        return probe is null;
    }
}
