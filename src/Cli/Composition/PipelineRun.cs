using System.Globalization;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Cli.Progress;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Runs;
using MultiTrust.Engine;
using MultiTrust.Sinks.Arrow;
using MultiTrust.Sinks.Results;
using MultiTrust.Sources.Official;
using MultiTrust.Sources.Storage;
using MultiTrust.Stages.Inference.Cache;
using MultiTrust.Stages.Perturbation.Cache;
using MultiTrust.Stages.Perturbation.Variants;
using MultiTrust.Stages.Judging.Chains;
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

    /// <summary>A new run (default) or the one to resume, and the command that resumes it.</summary>
    public RunIntent Intent { get; init; } = RunIntent.NewRun;

    /// <summary>The shard of a sharded run this process writes (<c>--shard k/N</c>); null for a whole run.</summary>
    public ShardSpec? Shard { get; init; }
    /// <summary>Where committed responses and judgments are also streamed as Arrow IPC (a path, or <c>-</c> for standard output), or null.</summary>
    public string? ArrowEmit { get; init; }

    public async Task<int> ExecuteAsync(PipelineDefinition pipeline)
    {
        var console = environment.Console;
        var catalog = new TaskCatalog();
        var tasks = ResolveTasks(pipeline, catalog);
        // Before anything is sent: the official data, then what the tasks that will run need (suites, judge models).
        var missing = OfficialData.Check(pipeline, tasks.Select(t => t.Task).ToList());
        var running = pipeline with
        {
            Tasks = [.. pipeline.Tasks.Where((_, i) => missing.All(m => m.TaskId != tasks[i].Task.Info.Id))],
            SkipMissing = true,
        };
        var planProblems = PlanCheck.Problems(running);
        if (missing.Count > 0 && !pipeline.SkipMissing)
        {
            throw new UserError(
                "The official data is incomplete; nothing was sent:\n  " + string.Join("\n  ", [.. missing.Select(m => m.Message), .. planProblems]) +
                "\nPoint --data at the release's root folder, or pass --skip-missing to run the other tasks.",
                ExitCodes.InvalidInput);
        }

        if (planProblems.Count > 0)
        {
            throw new UserError("Nothing was sent:\n  " + string.Join("\n  ", planProblems), ExitCodes.InvalidInput);
        }

        if (missing.Count > 0)
        {
            foreach (var m in missing)
            {
                console.Line($"skipping {m.Message}");
            }

            tasks = [.. tasks.Where(t => missing.All(m => m.TaskId != t.Task.Info.Id))];
            if (tasks.Count == 0)
            {
                throw new UserError("No task has its data under the data root; nothing to run.", ExitCodes.InvalidInput);
            }
        }

        // Recent blobs: a generated image is read back for the model right after it was stored; serve it from memory.
        // One store for the run, so every blob it writes (while counting, too) is flushed before the commit that needs it.
        using var blobs = new FileBlobStore(pipeline.Output, recentBlobs: 4096);
        tasks = await CountSamplesAsync(pipeline, tasks, blobs);
        var fileLocation = new SourceLocation(pipeline.SourcePath, 0, 0);
        Preflight.CheckOutputWritable(pipeline.Output, fileLocation);
        await Preflight.CheckEndpointsAsync(pipeline, environment.Shutdown.Stop);
        // Opened before the run exists, so an unwritable --emit target stops nothing but this command.
        await using var emitStream = ArrowEmit is null ? null : OpenEmitStream(ArrowEmit);

        var fresh = RunCardFactory.Create(pipeline, environment.Time.GetUtcNow()) with { CacheReuse = pipeline.CacheReuse };
        var (card, runDir, runLock, shardCard) = await OpenAsync(pipeline, fresh);
        if (runLock is null)
        {
            console.Line($"shard {Shard} of run {card.RunId} is already complete; nothing to do. {ShardsLeft(await ShardCards.ReadAllAsync(runDir, CancellationToken.None), card, pipeline)}");
            return ExitCodes.Ok;
        }

        using var heldLock = runLock;
        var resume = shardCard is null ? Intent.ResumeCommandFor(card.RunId) : $"{Intent.CommandLine} --run-id {card.RunId} --shard {Shard}";
        var store = new RunStore();
        var removed = store.Recover(runDir, Shard?.Id);
        var completed = await store.ReadCompletedKeysAsync(runDir, CancellationToken.None);
        var judgeErrors = await ReadJudgeErrorsAsync(store, runDir, completed);
        if (shardCard is null)
        {
            await RunCardFactory.WriteAsync(card, runDir, CancellationToken.None);
            console.Line($"run {card.RunId} (attempt {card.Attempts}) -> {runDir}");
        }
        else
        {
            console.Line($"run {card.RunId} shard {Shard} (attempt {shardCard.Attempts}) -> {runDir}");
        }

        if (pipeline.CacheReuse)
        {
            console.Line("response cache: answers other runs cached for the same request and served model are reused");
        }

        if (completed.Count > 0 || removed.Count > 0)
        {
            console.Line($"resuming: {completed.Count} committed rows are kept and skipped; {removed.Count} uncommitted file(s) from an interrupted attempt removed");
        }

        PrintJudgeErrors(console, judgeErrors);

        EngineResult result;
        var progress = new RunProgress();
        await using var judges = await ConfiguredJudges.CreateAsync(pipeline, environment);
        await using var perturbations = await PerturbationCache.OpenAsync(Path.Combine(CacheFolder.Of(environment, pipeline.Output), PerturbationCache.FileName));
        var planned = tasks.Select(t => new PlannedTask(t.Task, t.Samples, SelectJudges(t.Task, pipeline.Judges, judges))
        {
            MaxTokens = t.MaxTokens ?? t.Task.Generation.MaxTokens,
            Variants = [.. t.Variants.Select(v => new PerturbationVariant(v, pipeline.Seed, blobs, perturbations))],
        }).ToList();
        await using (var cache = pipeline.Cache ? await OpenCacheAsync(CacheFolder.Of(environment, pipeline.Output), ResponseCacheScope.ForRun(card.RunId, pipeline.CacheReuse)) : null)
        {
            using var invokers = ModelInvokers.Create(pipeline, environment, blobs, cache);
            IResultSink sink = new ParquetResultSink(runDir, card.RunId, Shard?.Id ?? "0", new ParquetSinkOptions { BeforeCommit = blobs.FlushAsync, ImagePathRoot = pipeline.Output });
            if (emitStream is not null)
            {
                sink = new ArrowEmitSink(sink, emitStream, card.RunId);
            }

            await using (sink)
            {
                var plan = new EnginePlan(planned, invokers.Invokers, pipeline.Seed, blobs, completed, sink)
                {
                    DataRoot = pipeline.DataRoot,
                    Rejudge = judgeErrors,
                    Shard = Shard,
                };
                var engine = new EvaluationEngine(EngineOptions, environment.Time);
                try
                {
                    result = await ProgressDisplay.RunAsync(
                        console, environment.PlainProgress, environment.PlainProgressInterval, progress, environment.Time,
                        () => engine.RunAsync(plan, progress, environment.Shutdown.Stop, environment.Shutdown.Abort));
                }
                catch (AnnotationException e)
                {
                    await TryMarkFailedAsync(card, shardCard, runDir);
                    throw new UserError(
                        $"Malformed data: {e.Message}. {Kept(progress)}; fix the file and resume with:\n  {resume}",
                        ExitCodes.InvalidInput);
                }
                catch (SystemicFailureException e)
                {
                    await TryMarkFailedAsync(card, shardCard, runDir);
                    throw new UserError(
                        $"{e.Message}. {Kept(progress)}; fix the cause and resume with:\n  {resume}",
                        ExitCodes.Failed);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await TryMarkFailedAsync(card, shardCard, runDir);
                    throw new UserError(
                        $"Writing results under {runDir} failed: {e.Message}. {Kept(progress)}; " +
                        $"free space or fix permissions and resume with:\n  {resume}",
                        ExitCodes.Failed);
                }
            }
        }

        if (result.Interrupted)
        {
            await WriteStatusAsync(card with { Status = RunStatuses.Interrupted }, shardCard, runDir);
            console.Line(
                $"interrupted: {progress.Committed} rows committed this attempt ({result.Skipped} from earlier attempts). " +
                $"Resume with: {resume}");
            return ExitCodes.Interrupted;
        }

        if (shardCard is not null)
        {
            return await CompleteShardAsync(pipeline, card, shardCard, runDir, result, progress);
        }

        card = card with
        {
            Status = RunStatuses.Complete,
            FinishedUtc = environment.Time.GetUtcNow(),
            DatasetHashes = result.DatasetHashes,
        };
        // The card says complete only once metrics, scores, catalog and report exist: a run killed while finalising is
        // still resumable (it then skips every row and finalises).
        var outcome = await RunFinalizer.FinalizeAsync(
            pipeline.Output, runDir, card, [.. tasks.Select(t => t.Task)], pipeline.Report, CancellationToken.None,
            [.. missing.Select(m => (m.TaskId, $"not scored: data missing at {m.Path}"))]);
        var judgeErrorsLeft = JudgeErrorsLeft(outcome);
        card = card with { Status = RunStatuses.Finished(judgeErrorsLeft) };
        await RunCardFactory.WriteAsync(card, runDir, CancellationToken.None);
        RunSummary.Print(console, pipeline, card, runDir, progress, outcome, perturbations);
        if (judgeErrorsLeft > 0)
        {
            console.Line(string.Create(CultureInfo.InvariantCulture,
                $"judge_error: {judgeErrorsLeft} judgment(s) failed (a judge service erred); they are left out of the metrics until judged again with:\n  {resume}"));
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// Counts every task's samples before anything is sent: an official task reads its annotations (no images), so every
    /// malformed line is reported at once with file:line; a synthetic task asked for more than its generator's
    /// distinct samples is rejected naming the maximum. The counts feed the progress display.
    /// </summary>
    private static async Task<List<(ITrustTask Task, int Samples, IReadOnlyList<VariantChain> Variants, int? MaxTokens)>> CountSamplesAsync(
        PipelineDefinition pipeline, List<(ITrustTask Task, int Samples, IReadOnlyList<VariantChain> Variants, int? MaxTokens)> tasks, FileBlobStore blobs)
    {
        var problems = new List<string>();
        var result = new List<(ITrustTask, int, IReadOnlyList<VariantChain>, int?)>();
        foreach (var t in tasks)
        {
            try
            {
                // A loader that renders images while listing (P.6's typography) stores them now; the run finds them stored.
                var context = new TaskGenerationContext(pipeline.Seed, t.Samples, blobs) { DataRoot = pipeline.DataRoot };
                var count = await t.Task.CountAsync(context, CancellationToken.None);
                result.Add((t.Task, (int)Math.Min(count, t.Samples), t.Variants, t.MaxTokens));
            }
            catch (AnnotationException e)
            {
                problems.Add($"{t.Task.Info.Id}: {e.Message}");
            }
            catch (ArgumentOutOfRangeException e) when (t.Task.Suite == TaskSuites.Synthetic)
            {
                problems.Add(e.Message.Split(" (Parameter", 2)[0]);
            }
        }

        return problems.Count == 0
            ? result
            : throw new UserError("Nothing was sent:\n  " + string.Join("\n  ", problems), ExitCodes.InvalidInput);
    }

    private Stream OpenEmitStream(string target)
    {
        if (target == "-")
        {
            return environment.OpenStandardOutput();
        }

        var path = Path.GetFullPath(target, environment.WorkingDirectory);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"Cannot write the Arrow stream to {path} (--emit): {e.Message}", ExitCodes.InvalidInput);
        }
    }

    /// <summary>Best effort: the output may be the very thing that failed.</summary>
    private static async Task TryMarkFailedAsync(RunCard card, ShardCard? shard, string runDir)
    {
        try
        {
            await WriteStatusAsync(card with { Status = RunStatuses.Failed }, shard, runDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static async Task<SqliteResponseCache> OpenCacheAsync(string cacheFolder, ResponseCacheScope scope)
    {
        var path = Path.Combine(cacheFolder, SqliteResponseCache.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return await SqliteResponseCache.OpenAsync(path, scope);
    }

    private static List<(ITrustTask Task, int Samples, IReadOnlyList<VariantChain> Variants, int? MaxTokens)> ResolveTasks(PipelineDefinition pipeline, TaskCatalog catalog)
    {
        var result = new List<(ITrustTask, int, IReadOnlyList<VariantChain>, int?)>();
        foreach (var selection in pipeline.Tasks)
        {
            var suite = RunCardFactory.SuiteOf(pipeline, selection);
            if (!TaskCatalog.TryGetDefinition(selection.Id, out var definition))
            {
                throw new UserError($"Unknown task '{selection.Id}' ({selection.Location}); runnable tasks: {string.Join(", ", catalog.Ids)}.");
            }

            if (!catalog.TryGet(selection, suite, out var task))
            {
                throw new UserError(
                    $"Task '{definition.Info.Id}' has no {(selection.Dataset?.Chain is { } chain ? $"{chain} verdict chain to judge a dataset with" : $"{suite} source")} ({selection.Location}); it runs on: {string.Join(", ", definition.Suites)}.");
            }

            if (result.Any(r => r.Item1.Info.Id == task.Info.Id))
            {
                throw new UserError($"Task '{task.Info.Id}' is listed twice ({selection.Location}).");
            }

            var samples = suite is TaskSuites.Official or DatasetSourceDefinition.Suite && !selection.SamplesGiven ? int.MaxValue : selection.Samples;
            result.Add((task, samples, selection.Variants, selection.MaxTokens));
        }

        return result;
    }

    /// <summary>
    /// The task's verdict chain as judges: rule steps from the registry, model-backed steps from the pipeline's
    /// <c>judge_models</c> (a required one that is not configured stops the run before anything is sent). With a
    /// <c>judges</c> list, only rule and model steps it names run (and the combinators over them).
    /// </summary>
    private static IReadOnlyList<IJudge> SelectJudges(ITrustTask task, IReadOnlyList<string> selected, ConfiguredJudges configured)
    {
        try
        {
            return VerdictChain.Build(task.Info.Id, task.Verdicts, configured.Resolve, selected.Count == 0 ? null : selected);
        }
        catch (VerdictChainException e)
        {
            throw new UserError(e.Message + ".", ExitCodes.InvalidInput);
        }
    }
}
