using System.Threading.Tasks.Dataflow;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine;

/// <summary>
/// Streams samples through inference (one bounded block per model, unordered, at the model's concurrency), judging
/// (<see cref="JudgingStage"/>: rule steps on a CPU-bound block, model-backed steps on their judge model's block) and a
/// single-writer sink, committing every <see cref="EngineOptions.CommitEveryItems"/> results or
/// <see cref="EngineOptions.CommitInterval"/> (on a timer, even when no result arrives). Memory is bounded by the queue
/// capacities, not by the number of samples. A per-record failure is a typed row.
/// </summary>
/// <remarks>
/// <para>Two cancellation tokens: <c>stop</c> stops taking new samples, drops queued items that have not started (they
/// are not sent) and lets requests in flight finish (or time out) before the final commit — the behaviour of the first
/// Ctrl+C. <c>abort</c> also cancels requests in flight; their items are dropped (not committed) and are redone when the
/// run is resumed.</para>
/// <para>Systemic failures (a <see cref="SystemicFailureException"/> from an invoker or a variant — for example a broken
/// response cache —, a fault of the judging stage) halt the run like a stop: nothing new is sent, and the results that
/// completed before the failure are still judged, written and committed (after a generator failure, everything generated
/// before it is still evaluated); then
/// <see cref="RunAsync"/> throws the failure. Only a failure of the sink itself (for example a full disk) leaves the
/// uncommitted results behind. Whatever was committed stays committed; <see cref="EnginePlan.Rejudge"/> and the
/// completed keys let the resumed run continue.</para>
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
        var planned = plan.Tasks.Sum(t => (long)t.Samples * (1 + t.Variants.Count)) * plan.Models.Count;
        // A shard's share is known only once ids are hashed; the even split is what the progress display expects.
        progress.AddPlanned(plan.Shard is { } shard ? (planned + shard.Count - 1) / shard.Count : planned);

        using var failure = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var graph = BuildGraph(plan, progress, failure, abort);
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
            // A generator failure (for example a missing font) stops the run, but what was already generated is still
            // evaluated and committed first.
            producerFailure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            await CompleteInferenceAsync(graph);
        }

        try
        {
            await graph.Sink.Completion; // rethrows a sink failure after upstream drained
        }
        catch (AggregateException e)
        {
            // Completion propagated through linked blocks nests the original exception; surface the original.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }
        finally
        {
            graph.CommitTimer?.Dispose();
        }

        // Whatever stopped the run (a stop, a broken cache, a judging fault, a generator failure), the results that
        // completed before it are committed while the sink is healthy; only then is the failure raised.
        await plan.Sink.CommitAsync(CancellationToken.None);
        progress.AddCommitted(graph.Pending);
        graph.Pending = 0;
        graph.ThrowIfFailed();
        producerFailure?.Throw();
        return new EngineResult(interrupted || stop.IsCancellationRequested, graph.Written, progress.SkippedCommitted, graph.Abandoned, hashes)
        {
            Rejudged = graph.Rejudged,
        };
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
            if (plan.Shard is { } shard && !shard.Includes(sample.Id))
            {
                continue;
            }

            for (var v = -1; v < task.Variants.Count; v++)
            {
                var applier = v < 0 ? null : task.Variants[v];
                var variant = applier?.Variant ?? Variant.Clean;
                var (pending, rejudge) = PendingModels(plan, sample.Id, variant.Id, progress);
                if (pending.Length == 0 && rejudge is null)
                {
                    continue;
                }

                var job = new VariantJob(
                    sample, variant, applier, task, pending, WriteSampleRow: pending.Length > 0 && ReferenceEquals(pending[0], plan.Models[0]))
                {
                    Rejudge = rejudge ?? [],
                };
                if (!await graph.Prepare.SendAsync(job, token))
                {
                    return false; // the graph is failing; the error surfaces from the sink's completion
                }
            }
        }

        return !token.IsCancellationRequested;
    }

    /// <summary>
    /// The models that have not committed this (sample, variant) yet (the others count as skipped), and the committed
    /// results of others to judge again (null when none).
    /// </summary>
    private static (IModelInvoker[] Pending, List<(IModelInvoker, CommittedResult)>? Rejudge) PendingModels(
        EnginePlan plan, string sampleId, string variantId, RunProgress progress)
    {
        var pending = new List<IModelInvoker>(plan.Models.Count);
        List<(IModelInvoker, CommittedResult)>? rejudge = null;
        foreach (var model in plan.Models)
        {
            if (plan.Completed.Contains(sampleId, variantId, model.ModelId))
            {
                progress.AddSkippedCommitted();
                if (plan.Rejudge is { } again && again.TryGet(sampleId, variantId, model.ModelId, out var committed))
                {
                    (rejudge ??= []).Add((model, committed));
                }
            }
            else
            {
                pending.Add(model);
            }
        }

        return ([.. pending], rejudge);
    }
}
