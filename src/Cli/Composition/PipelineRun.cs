using MultiTrust.Cli.Infrastructure;
using MultiTrust.Cli.Progress;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Runs;
using MultiTrust.Engine;
using MultiTrust.Sinks.Results;
using MultiTrust.Sources.Storage;
using MultiTrust.Stages.Inference.Cache;
using MultiTrust.Stages.Perturbation.Cache;
using MultiTrust.Stages.Perturbation.Variants;
using MultiTrust.Tasks;
using Spectre.Console;

namespace MultiTrust.Cli.Composition;

/// <summary>
/// One <c>run</c>: preflight, resume state, the engine with a progress display, then metrics, scores, catalog and
/// report. Systemic failures become one-paragraph errors; per-record failures are rows.
/// </summary>
internal sealed partial class PipelineRun(CliEnvironment environment)
{
    public EngineOptions EngineOptions { get; init; } = new();

    public async Task<int> ExecuteAsync(PipelineDefinition pipeline)
    {
        var console = environment.Console;
        var catalog = new TaskCatalog();
        var tasks = ResolveTasks(pipeline, catalog);
        var fileLocation = new SourceLocation(pipeline.SourcePath, 0, 0);
        Preflight.CheckOutputWritable(pipeline.Output, fileLocation);
        await Preflight.CheckEndpointsAsync(pipeline, environment.Shutdown.Stop);

        var card = RunCardFactory.Create(pipeline, environment.Time.GetUtcNow());
        var runDir = Path.Combine(pipeline.Output, "runs", card.RunId);
        using var runLock = RunLock.Acquire(runDir, card.RunId);
        var previous = await RunCardFactory.ReadAsync(runDir, CancellationToken.None);
        if (previous is not null && previous.ConfigHash != card.ConfigHash)
        {
            throw new UserError(
                $"The run folder {runDir} already holds run '{card.RunId}' with a different configuration " +
                $"(config hash {previous.ConfigHash[..12]} vs {card.ConfigHash[..12]}). Choose another --run-id or output folder.");
        }

        if (previous is not null)
        {
            card = card with { StartedUtc = previous.StartedUtc, Attempts = previous.Attempts + 1 };
        }

        var store = new RunStore();
        var removed = store.Recover(runDir);
        var completed = await store.ReadCompletedKeysAsync(runDir, CancellationToken.None);
        await RunCardFactory.WriteAsync(card, runDir, CancellationToken.None);
        console.Line($"run {card.RunId} (attempt {card.Attempts}) -> {runDir}");
        if (completed.Count > 0 || removed.Count > 0)
        {
            console.Line($"resuming: {completed.Count} committed rows are kept and skipped; {removed.Count} uncommitted file(s) from an interrupted attempt removed");
        }

        EngineResult result;
        var progress = new RunProgress();
        await using var judges = await ConfiguredJudges.CreateAsync(pipeline, environment);
        var blobs = new FileBlobStore(pipeline.Output);
        await using var perturbations = await PerturbationCache.OpenAsync(PerturbationCache.DefaultPath(pipeline.Output));
        var planned = tasks.Select(t => new PlannedTask(t.Task, t.Samples, SelectJudges(t.Task, pipeline.Judges, judges.ById))
        {
            Variants = [.. t.Variants.Select(v => new PerturbationVariant(v, pipeline.Seed, blobs, perturbations))],
        }).ToList();
        await using (var cache = pipeline.Cache ? await OpenCacheAsync(pipeline.Output) : null)
        {
            using var invokers = ModelInvokers.Create(pipeline, environment, blobs, cache);
            var sink = new ParquetResultSink(runDir, card.RunId);
            await using (sink)
            {
                var plan = new EnginePlan(planned, invokers.Invokers, pipeline.Seed, blobs, completed, sink);
                var engine = new EvaluationEngine(EngineOptions, environment.Time);
                try
                {
                    result = await ProgressDisplay.RunAsync(
                        console, environment.PlainProgress, environment.PlainProgressInterval, progress, environment.Time,
                        () => engine.RunAsync(plan, progress, environment.Shutdown.Stop, environment.Shutdown.Abort));
                }
                catch (SystemicFailureException e)
                {
                    await TryMarkFailedAsync(card, runDir);
                    throw new UserError(
                        $"{e.Message}. Everything committed before the failure is intact; fix the cause and run the same command again to resume.",
                        ExitCodes.Failed);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await TryMarkFailedAsync(card, runDir);
                    throw new UserError(
                        $"Writing results under {runDir} failed: {e.Message}. Everything committed before the failure is intact; " +
                        "free space or fix permissions and run the same command again to resume.",
                        ExitCodes.Failed);
                }
            }
        }

        if (result.Interrupted)
        {
            await RunCardFactory.WriteAsync(card with { Status = "interrupted" }, runDir, CancellationToken.None);
            console.Line(
                $"interrupted: {progress.Committed} rows committed this attempt ({result.Skipped} from earlier attempts). " +
                "Run the same command again to resume.");
            return ExitCodes.Interrupted;
        }

        card = card with
        {
            Status = "complete",
            FinishedUtc = environment.Time.GetUtcNow(),
            DatasetHashes = result.DatasetHashes,
        };
        await RunCardFactory.WriteAsync(card, runDir, CancellationToken.None);
        var outcome = await RunFinalizer.FinalizeAsync(pipeline.Output, runDir, card, [.. tasks.Select(t => t.Task)], pipeline.Report, CancellationToken.None);
        RunSummary.Print(console, pipeline, card, runDir, progress, outcome, perturbations);
        return ExitCodes.Ok;
    }

    /// <summary>Best effort: the output may be the very thing that failed.</summary>
    private static async Task TryMarkFailedAsync(RunCard card, string runDir)
    {
        try
        {
            await RunCardFactory.WriteAsync(card with { Status = "failed" }, runDir, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static async Task<SqliteResponseCache> OpenCacheAsync(string output)
    {
        var path = SqliteResponseCache.DefaultPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return await SqliteResponseCache.OpenAsync(path);
    }

    private static List<(ITrustTask Task, int Samples, IReadOnlyList<VariantChain> Variants)> ResolveTasks(PipelineDefinition pipeline, TaskCatalog catalog)
    {
        var result = new List<(ITrustTask, int, IReadOnlyList<VariantChain>)>();
        foreach (var selection in pipeline.Tasks)
        {
            if (!catalog.TryGet(selection.Id, out var task))
            {
                throw new UserError($"Unknown task '{selection.Id}' ({selection.Location}); runnable tasks: {string.Join(", ", catalog.Ids)}.");
            }

            if (result.Any(r => r.Item1.Info.Id == task.Info.Id))
            {
                throw new UserError($"Task '{task.Info.Id}' is listed twice ({selection.Location}).");
            }

            result.Add((task, selection.Samples, selection.Variants));
        }

        return result;
    }

    /// <summary>
    /// The task's rule judges plus every configured model-backed judge one of its metrics needs (for example
    /// <c>harmbench</c> for S.4's ASR), restricted to the pipeline's <c>judges</c> list when it has one. A metric whose
    /// judge is absent gets no judged responses and is reported as not scored.
    /// </summary>
    private static IReadOnlyList<IJudge> SelectJudges(ITrustTask task, IReadOnlyList<string> selected, IReadOnlyDictionary<string, IJudge> configured)
    {
        var all = task.Judges.ToList();
        foreach (var metric in task.Metrics)
        {
            if (all.All(j => j.Id != metric.JudgeId) && configured.TryGetValue(metric.JudgeId, out var judge))
            {
                all.Add(judge);
            }
        }

        return selected.Count == 0 ? all : [.. all.Where(j => selected.Contains(j.Id))];
    }
}
