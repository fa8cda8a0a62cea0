using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Runs;

namespace MultiTrust.Cli.Composition;

/// <summary>
/// Picks and locks the run folder a <c>run</c> writes (<see cref="RunIntent"/>). A new run gets the generated id (a
/// second run started in the same second gets <c>-2</c>, <c>-3</c>, … appended) or the explicit one, which must not exist
/// yet. A resumed run must exist, have the same configuration hash and not be complete: a finished run is never
/// resumed, unless it finished with judge_error judgments (<see cref="RunStatuses.CompleteWithJudgeErrors"/>), which a
/// resume judges again. The lock is taken before the run card is trusted, so two processes never pick the same run.
/// </summary>
internal static class RunStart
{
    /// <summary>The run to write: its card (attempts counted on when resumed), folder and lock.</summary>
    public sealed record Opened(RunCard Card, string RunDir, RunLock Lock);

    public static Task<Opened> OpenAsync(PipelineDefinition pipeline, RunCard fresh, RunIntent intent)
    {
        var runsDir = Path.Combine(pipeline.Output, "runs");
        return intent.Resume ? ResumeAsync(runsDir, pipeline, fresh, intent) : StartNewAsync(runsDir, pipeline, fresh, intent);
    }

    private static async Task<Opened> StartNewAsync(string runsDir, PipelineDefinition pipeline, RunCard fresh, RunIntent intent)
    {
        if (pipeline.RunId is { } named)
        {
            var runDir = Path.Combine(runsDir, named);
            var runLock = RunLock.Acquire(runDir, named);
            var existing = await ReadCardAsync(runDir);
            if (existing is null)
            {
                return new Opened(fresh, runDir, runLock);
            }

            runLock.Dispose();
            throw new UserError(RunStatuses.IsFinished(existing.Status)
                ? $"Run '{named}' already exists in {runsDir} and is complete; a run is never run twice. Give the new run " +
                  "another --run-id (or none: every run then gets its own id)."
                : $"Run '{named}' already exists in {runsDir} ({existing.Status}); a plain `run` starts a new run. " +
                  $"Continue that one with:\n  {intent.ResumeCommandFor(named)}");
        }

        for (var n = 1; ; n++)
        {
            var id = n == 1 ? fresh.RunId : $"{fresh.RunId}-{n}";
            var runDir = Path.Combine(runsDir, id);
            if (Directory.Exists(runDir) || RunLock.TryAcquire(runDir) is not { } runLock)
            {
                continue;
            }

            if (File.Exists(Path.Combine(runDir, RunCardFactory.CardFileName)))
            {
                runLock.Dispose();
                continue;
            }

            return new Opened(fresh with { RunId = id }, runDir, runLock);
        }
    }

    private static async Task<Opened> ResumeAsync(string runsDir, PipelineDefinition pipeline, RunCard fresh, RunIntent intent)
    {
        if (intent.RunId is not null && pipeline.RunId is not null && intent.RunId != pipeline.RunId)
        {
            throw new UserError($"--resume {intent.RunId} and the run id '{pipeline.RunId}' (--run-id or run_id) name different runs; give one of them.");
        }

        var id = intent.RunId ?? pipeline.RunId ?? await LatestUnfinishedAsync(runsDir, fresh, intent);
        var runDir = Path.Combine(runsDir, id);
        if (!File.Exists(Path.Combine(runDir, RunCardFactory.CardFileName)))
        {
            var runs = await CardsAsync(runsDir);
            throw new UserError(
                $"There is no run '{id}' in {runsDir} to resume" +
                (runs.Count == 0 ? " (it holds no runs)." : $"; runs there: {string.Join(", ", runs.Select(r => r.RunId).Order(StringComparer.Ordinal))}.") +
                $" Start a new run with:\n  {intent.CommandLine}");
        }

        if (ShardCards.IsSharded(runDir))
        {
            throw new UserError(
                $"Run '{id}' is a sharded run; a whole-run --resume never writes into it. Re-run each unfinished shard with " +
                $"--run-id {id} --shard k/N (multitrust status {id} lists them).", ExitCodes.InvalidInput);
        }

        var runLock = RunLock.Acquire(runDir, id);
        try
        {
            var previous = await ReadCardAsync(runDir)
                ?? throw new UserError($"The run folder {runDir} has no run card; it cannot be resumed. Start a new run with:\n  {intent.CommandLine}");
            if (previous.ConfigHash != fresh.ConfigHash)
            {
                throw new UserError(
                    $"Run '{id}' was started with another configuration (config hash {previous.ConfigHash[..12]} vs " +
                    $"{fresh.ConfigHash[..12]} now): resume it with the same pipeline file and flags it was started with " +
                    "(its run.json lists the configuration), or start a new run without --resume.");
            }

            if (previous.Status == RunStatuses.Complete)
            {
                throw new UserError(
                    $"Run '{id}' is complete (finished {previous.FinishedUtc:u}); a finished run is never resumed. " +
                    $"Start a new run with:\n  {intent.CommandLine}");
            }

            return new Opened(fresh with { RunId = id, StartedUtc = previous.StartedUtc, Attempts = previous.Attempts + 1 }, runDir, runLock);
        }
        catch
        {
            runLock.Dispose();
            throw;
        }
    }

    /// <summary>The latest (by start time) run of the same pipeline name and configuration hash that is not complete.</summary>
    private static async Task<string> LatestUnfinishedAsync(string runsDir, RunCard fresh, RunIntent intent)
    {
        var cards = await CardsAsync(runsDir);
        var same = cards.Where(c => c.Pipeline == fresh.Pipeline && c.ConfigHash == fresh.ConfigHash).ToList();
        var latest = same.Where(c => c.Status != RunStatuses.Complete)
            .OrderBy(c => c.StartedUtc).ThenBy(c => c.RunId, StringComparer.Ordinal).LastOrDefault();
        if (latest is not null)
        {
            return latest.RunId;
        }

        var message = same.Count > 0
            ? $"Every run of this configuration in {runsDir} is complete (the latest: " +
              $"{same.OrderBy(c => c.StartedUtc).ThenBy(c => c.RunId, StringComparer.Ordinal).Last().RunId}); a finished run is never resumed."
            : $"There is no run of this configuration (pipeline '{fresh.Pipeline}', config hash {fresh.ConfigHash[..12]}) in {runsDir} to resume.";
        var others = cards.Where(c => c.Pipeline == fresh.Pipeline && c.ConfigHash != fresh.ConfigHash && c.Status != RunStatuses.Complete)
            .Select(c => $"{c.RunId} (config hash {c.ConfigHash[..12]})").ToList();
        if (others.Count > 0)
        {
            message += $" Unfinished runs of '{fresh.Pipeline}' with another configuration (other flags or file contents): " +
                $"{string.Join(", ", others)}; resume one with --resume RUN and the flags it was started with.";
        }

        throw new UserError($"{message} Start a new run with:\n  {intent.CommandLine}");
    }

    private static async Task<List<RunCard>> CardsAsync(string runsDir)
    {
        var cards = new List<RunCard>();
        if (!Directory.Exists(runsDir))
        {
            return cards;
        }

        foreach (var runDir in Directory.EnumerateDirectories(runsDir))
        {
            try
            {
                if (await RunCardFactory.ReadAsync(runDir, CancellationToken.None) is { } card)
                {
                    // The folder name is the run id (a copied folder keeps its card's old id).
                    cards.Add(card with { RunId = Path.GetFileName(runDir) });
                }
            }
            catch (InvalidDataException)
            {
                // Not a readable run: it cannot be resumed, and it does not stop finding one that can.
            }
        }

        return cards;
    }

    private static Task<RunCard?> ReadCardAsync(string runDir) => RunCardFactory.ReadAsync(runDir, CancellationToken.None);
}
