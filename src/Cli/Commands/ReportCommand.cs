using System.ComponentModel;
using System.Globalization;
using MultiTrust.Cli.Composition;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Runs;
using MultiTrust.Sinks.Compare;
using MultiTrust.Sinks.Reports.Leaderboard;
using MultiTrust.Tasks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary>
/// <c>multitrust report RUN...</c>: per run, metrics and scores recomputed from committed rows, then report.md /
/// report.html; with several runs also one leaderboard.html putting every model of every run side by side, with deltas
/// and significance against the first.
/// </summary>
public sealed class ReportCommand(CliEnvironment environment) : AsyncCommand<ReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RUN>")]
        [Description("Run ids (under --out) or run folders. With two or more, also a leaderboard against the first.")]
        public string[] Runs { get; init; } = [];

        [CommandOption("--out <DIR>")]
        [Description("Output folder holding runs/ (default: out).")]
        public string Output { get; init; } = "out";

        [CommandOption("--to <DIR>")]
        [Description("Folder for leaderboard.html (default: <out>/leaderboard).")]
        public string? Target { get; init; }

        [CommandOption("--alpha <P>")]
        [Description("Significance level of the leaderboard's tests (default 0.05).")]
        public double Alpha { get; init; } = 0.05;

        public override ValidationResult Validate() =>
            Alpha is > 0 and < 1
                ? ValidationResult.Success()
                : ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--alpha must lie strictly between 0 and 1, not {Alpha}"));
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var runDirs = new List<string>();
        string? outDir = null;
        foreach (var run in settings.Runs)
        {
            var (runOut, runDir) = RunFolders.Resolve(environment, settings.Output, run);
            outDir ??= runOut;
            await ReportAsync(runOut, runDir, cancellationToken);
            runDirs.Add(runDir);
        }

        if (runDirs.Count < 2)
        {
            return ExitCodes.Ok;
        }

        RunLeaderboard board;
        try
        {
            var catalog = await RunComparisonCatalog.ForRunAsync(runDirs[0], cancellationToken);
            board = await RunLeaderboard.BuildAsync(runDirs, catalog, new RunComparisonOptions { Alpha = settings.Alpha }, cancellationToken);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InvalidDataException or DirectoryNotFoundException)
        {
            throw new UserError(e.Message);
        }

        var target = settings.Target is { } to ? Path.GetFullPath(to, environment.WorkingDirectory) : Path.Combine(outDir!, "leaderboard");
        var path = await new LeaderboardWriter().WriteAsync(board, target, cancellationToken);
        environment.Console.Line($"leaderboard: {path} ({board.Entries.Count} columns, baseline {board.Entries[0].Label})");
        return ExitCodes.Ok;
    }

    private async Task ReportAsync(string outDir, string runDir, CancellationToken cancellationToken)
    {
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
