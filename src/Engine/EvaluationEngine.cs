using System.Collections.Immutable;
using System.Threading.Tasks.Dataflow;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine;

/// <summary>
/// Streams samples through inference (one bounded block per model, unordered, at the model's concurrency), judging
/// and a single-writer sink, committing periodically. Memory is bounded by the queue capacities, not by the number of
/// samples. A per-record failure is a typed row; only a sink failure (for example a full disk) stops the run, after
/// which whatever was committed stays committed.
/// </summary>
/// <remarks>
/// Two cancellation tokens: <c>stop</c> stops taking new samples, drops queued items that have not started (they are
/// not sent) and lets requests in flight finish (or time out) before the final commit — the behaviour of the first
/// Ctrl+C. <c>abort</c> also cancels requests in flight; their
/// items are dropped (not committed) and are redone when the run is resumed.
/// </remarks>
public sealed partial class EvaluationEngine
{
    private readonly EngineOptions _options;
    private readonly TimeProvider _time;

    public EvaluationEngine(EngineOptions options, TimeProvider time)
    {
        options.Validate();
        _options = options;
        _time = time;
    }

    public async Task<EngineResult> RunAsync(EnginePlan plan, RunProgress progress, CancellationToken stop, CancellationToken abort)
    {
        ArgumentOutOfRangeException.ThrowIfZero(plan.Models.Count);
        progress.AddPlanned(plan.Tasks.Sum(t => (long)t.Samples * (1 + t.Variants.Count)) * plan.Models.Count);

        using var failure = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var graph = BuildGraph(plan, progress, failure, stop, abort);
        var hashes = new Dictionary<string, string>();
        var interrupted = false;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? producerFailure = null;
        try
        {
            foreach (var task in plan.Tasks)
            {
                var hasher = new ContentHasher().Add("dataset/v1").Add(task.Task.Info.Id).Add(task.Samples);
                var complete = await ProduceAsync(plan, task, graph, progress, hasher, failure.Token);
                if (!complete)
                {
                    interrupted = true;
                    break;
                }

                hashes[task.Task.Info.Id] = hasher.ToId();
            }
        }
        catch (OperationCanceledException) when (failure.IsCancellationRequested)
        {
            interrupted = true;
        }
        catch (Exception e)
        {
            // A generator failure (for example a missing font) stops the run, but what is already evaluated is still
            // drained and committed first.
            producerFailure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            await CompleteInferenceAsync(graph);
        }

        try
        {
            await graph.Sink.Completion; // rethrows a systemic failure (sink, or one an invoker raised) after upstream drained
        }
        catch (AggregateException e)
        {
            // Completion propagated through linked blocks nests the original exception; surface the original.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }

        await plan.Sink.CommitAsync(CancellationToken.None);
        progress.AddCommitted(graph.Pending);
        producerFailure?.Throw();
        return new EngineResult(interrupted || stop.IsCancellationRequested, graph.Written, progress.SkippedCommitted, graph.Abandoned, hashes);
    }

    /// <summary>
    /// Sends every (sample, variant) of a task that some model still needs to the prepare block; false when stopped
    /// before the end.
    /// </summary>
    private static async Task<bool> ProduceAsync(
        EnginePlan plan, PlannedTask task, Graph graph, RunProgress progress, ContentHasher hasher, CancellationToken token)
    {
        var context = new TaskGenerationContext(plan.Seed, task.Samples, plan.Images) { DataRoot = plan.DataRoot };
        await foreach (var sample in task.Task.GenerateAsync(context, token).WithCancellation(token))
        {
            hasher.Add(sample.Id);
            for (var v = -1; v < task.Variants.Count; v++)
            {
                var applier = v < 0 ? null : task.Variants[v];
                var variant = applier?.Variant ?? Variant.Clean;
                var pending = PendingModels(plan, sample.Id, variant.Id, progress);
                if (pending.Length == 0)
                {
                    continue;
                }

                var job = new VariantJob(sample, variant, applier, task, pending, WriteSampleRow: ReferenceEquals(pending[0], plan.Models[0]));
                if (!await graph.Prepare.SendAsync(job, token))
                {
                    return false; // the graph is failing; the error surfaces from the sink's completion
                }
            }
        }

        return !token.IsCancellationRequested;
    }

    /// <summary>The models that have not committed this (sample, variant) yet; the others count as skipped.</summary>
    private static IModelInvoker[] PendingModels(EnginePlan plan, string sampleId, string variantId, RunProgress progress)
    {
        var pending = new List<IModelInvoker>(plan.Models.Count);
        foreach (var model in plan.Models)
        {
            if (plan.Completed.Contains(sampleId, variantId, model.ModelId))
            {
                progress.AddSkippedCommitted();
            }
            else
            {
                pending.Add(model);
            }
        }

        return [.. pending];
    }

    private static async Task<EvaluatedItem?> JudgeAsync(WorkResult result, CancellationToken abort)
    {
        if (result.Response is null)
        {
            return null;
        }

        var (item, response) = (result.Item, result.Response);
        IReadOnlyList<(IJudge Judge, JudgeVerdict Verdict)> verdicts;
        try
        {
            verdicts = await VerdictChainRunner.RunAsync(item.Task.Judges, item.Sample, response, abort);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            return null;
        }

        var judgments = ImmutableArray.CreateBuilder<Judgment>(verdicts.Count);
        foreach (var (judge, verdict) in verdicts)
        {
            judgments.Add(new Judgment(
                response.SampleId, response.VariantId, response.ModelId, response.TaskId, item.Sample.Subset,
                judge.Id, judge.Version, verdict.Label, verdict.Score, verdict.Status, verdict.Raw, item.Sample.Target.Expected));
        }

        return new EvaluatedItem(item.Sample, item.Variant, response, judgments.MoveToImmutable(), item.WriteSampleRow);
    }
}
