using System.Globalization;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Cli.Progress;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Runs;
using MultiTrust.Engine;
using MultiTrust.Sinks.Results;
using MultiTrust.Sources.Storage;
using MultiTrust.Stages.Perturbation.Cache;
using MultiTrust.Stages.Perturbation.Variants;
using MultiTrust.Tasks;

namespace MultiTrust.Cli.Composition;

/// <summary><c>multitrust rejudge</c>: a committed run judged again through the same engine, without inference.</summary>
internal sealed partial class PipelineRun
{
    /// <summary>
    /// Regenerates the run's samples (and variants), and for every committed result the selection picks, runs its verdict
    /// chain again on the committed response — the models under test are never called — and commits the new judgment
    /// rows (each one revision above the row it supersedes). Then recomputes metrics, scores, catalog and report from
    /// the latest judgments.
    /// </summary>
    public async Task<int> RejudgeAsync(RejudgeRequest request)
    {
        var console = environment.Console;
        var (outDir, runDir) = RunFolders.Resolve(environment, request.Output, request.Run);
        var card = await RunCardFactory.ReadAsync(runDir, CancellationToken.None)
            ?? throw new UserError($"{runDir} has no run.json; it is not a run folder.");
        if (ShardCards.IsSharded(runDir)
            && ShardProgress.Read(runDir, await ShardCards.ReadAllAsync(runDir, CancellationToken.None)) is var shards
            && (shards.Count == 0 || shards.Any(s => !s.Complete)))
        {
            // Shards still writing into the folder would race with this command's recovery and commits.
            throw new UserError(
                $"Run '{card.RunId}' is sharded and not every shard is complete (multitrust status {card.RunId} lists them); " +
                "judge it again once they are. Nothing was changed.", ExitCodes.Incomplete);
        }

        var pipeline = RunPipelineMatch.Load(environment, card, outDir, request.Pipeline, request.Overrides);
        var tasks = ResolveTasks(pipeline, new TaskCatalog());
        var missing = OfficialData.Check(pipeline, [.. tasks.Select(t => t.Task)]);
        if (missing.Count > 0)
        {
            throw new UserError(
                "Judging again regenerates the run's samples, and the official data is incomplete:\n  " + string.Join("\n  ", missing.Select(m => m.Message)) +
                "\nPoint --data at the release's root folder. Nothing was changed.", ExitCodes.InvalidInput);
        }

        using var blobs = new FileBlobStore(outDir, recentBlobs: 4096);
        tasks = await CountSamplesAsync(pipeline, tasks, blobs);
        Preflight.CheckOutputWritable(outDir, new SourceLocation(pipeline.SourcePath, 0, 0));
        await Preflight.CheckEndpointsAsync(pipeline with { Models = [] }, environment.Shutdown.Stop);
        await using var judges = await ConfiguredJudges.CreateAsync(pipeline, environment);
        var chains = tasks.Select(t => SelectJudges(t.Task, pipeline.Judges, judges)).ToList();
        var selection = new RejudgeSelection(request.ErrorsOnly, StepsNamed(request.Judges, chains, card.RunId));

        using var runLock = RunLock.Acquire(runDir, card.RunId);
        var store = new RunStore();
        store.Recover(runDir);
        var committed = await store.ReadCommittedResultsAsync(runDir, selection, CancellationToken.None);
        console.Line(string.Create(CultureInfo.InvariantCulture,
            $"rejudge {card.RunId}: {committed.Count} committed response(s) with {Describe(selection)}; the models under test are not called"));
        if (committed.Count == 0)
        {
            console.Line("nothing to judge again; the run's judgments and metrics are unchanged");
            return ExitCodes.Ok;
        }

        var progress = new RunProgress();
        await using var perturbations = await PerturbationCache.OpenAsync(Path.Combine(CacheFolder.Of(environment, outDir), PerturbationCache.FileName));
        var planned = tasks.Select((t, i) => new PlannedTask(t.Task, t.Samples, chains[i])
        {
            MaxTokens = t.MaxTokens ?? t.Task.Generation.MaxTokens,
            Variants = [.. t.Variants.Select(v => new PerturbationVariant(v, pipeline.Seed, blobs, perturbations))],
        }).ToList();
        IModelInvoker[] models = [.. card.Config.Models.Select(m => new CommittedResponsesOnly(m.Id))];
        EngineResult result;
        await using (var sink = new ParquetResultSink(runDir, card.RunId, options: new ParquetSinkOptions { BeforeCommit = blobs.FlushAsync, ImagePathRoot = outDir }))
        {
            var plan = new EnginePlan(planned, models, pipeline.Seed, blobs, CommittedResponsesOnly.Completed, sink)
            {
                DataRoot = pipeline.DataRoot,
                Rejudge = committed,
            };
            try
            {
                result = await ProgressDisplay.RunAsync(
                    console, environment.PlainProgress, environment.PlainProgressInterval, progress, environment.Time,
                    () => new EvaluationEngine(EngineOptions, environment.Time).RunAsync(plan, progress, environment.Shutdown.Stop, environment.Shutdown.Abort));
            }
            catch (Exception e) when (e is SystemicFailureException or IOException or UnauthorizedAccessException)
            {
                throw new UserError(
                    $"Judging run '{card.RunId}' again stopped: {e.Message}. {progress.Rejudged} response(s) judged again before the stop were committed and kept; " +
                    "fix the cause and run the same command again.", ExitCodes.Failed);
            }
        }

        if (result.Interrupted)
        {
            console.Line(string.Create(CultureInfo.InvariantCulture,
                $"interrupted: {result.Rejudged} response(s) judged again were committed. Run the same command again to continue."));
            return ExitCodes.Interrupted;
        }

        var outcome = await RunFinalizer.FinalizeAsync(outDir, runDir, card, [.. tasks.Select(t => t.Task)], pipeline.Report, CancellationToken.None);
        var errorsLeft = JudgeErrorsLeft(outcome);
        if (RunStatuses.IsFinished(card.Status) && card.Status != RunStatuses.Finished(errorsLeft))
        {
            await RunCardFactory.WriteAsync(card with { Status = RunStatuses.Finished(errorsLeft) }, runDir, CancellationToken.None);
        }

        console.Line(string.Create(CultureInfo.InvariantCulture,
            $"judged again: {result.Rejudged} response(s); judge_error judgments left: {errorsLeft}; metrics and scores recomputed from the latest judgments"));
        console.Line($"metrics:        {Path.Combine(runDir, "metrics.parquet")}");
        if (outcome.HtmlPath is not null)
        {
            console.Line($"report:         {outcome.MarkdownPath}");
            console.Line($"                {outcome.HtmlPath}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The step ids <c>--judge</c> names: a verdict step id, or every step of a judge model; null for every step.</summary>
    private static IReadOnlySet<string>? StepsNamed(IReadOnlyList<string> names, List<IReadOnlyList<IJudge>> chains, string runId)
    {
        if (names.Count == 0)
        {
            return null;
        }

        var steps = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var matching = chains.SelectMany(c => c)
                .Where(j => j.Id == name || (j is IModelBackedJudge backed && backed.JudgeModel == name))
                .Select(j => j.Id)
                .ToList();
            if (matching.Count == 0)
            {
                var known = chains.SelectMany(c => c).Select(j => j.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
                throw new UserError(
                    $"--judge {name}: run '{runId}' has no verdict step or judge model of that name; its steps: {string.Join(", ", known)}.",
                    ExitCodes.InvalidInput);
            }

            steps.UnionWith(matching);
        }

        return steps;
    }

    private static string Describe(RejudgeSelection selection) =>
        (selection.ErrorsOnly ? "judge_error judgments" : "judgments") +
        (selection.Steps is null ? " of any step" : " of step(s) " + string.Join(", ", selection.Steps.Order(StringComparer.Ordinal)));
}
