using System.Threading.Tasks.Dataflow;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine;

public sealed partial class EvaluationEngine
{

    private Graph BuildGraph(EnginePlan plan, RunProgress progress, CancellationTokenSource failure, CancellationToken stop, CancellationToken abort)
    {
        var graph = new Graph();
        var judge = graph.Judge = new TransformBlock<WorkResult, EvaluatedItem?>(
            r => JudgeAsync(r, abort),
            new ExecutionDataflowBlockOptions
            {
                BoundedCapacity = _options.QueueCapacity,
                MaxDegreeOfParallelism = _options.JudgeParallelism,
                EnsureOrdered = false,
            });

        var lastCommit = _time.GetTimestamp();
        var sink = new ActionBlock<EvaluatedItem?>(
            async item =>
            {
                if (item is null)
                {
                    graph.Abandoned++;
                    return;
                }

                await plan.Sink.WriteAsync(item, CancellationToken.None);
                graph.Written++;
                graph.Pending++;
                if (graph.Pending >= _options.CommitEveryItems || _time.GetElapsedTime(lastCommit) >= _options.CommitInterval)
                {
                    await plan.Sink.CommitAsync(CancellationToken.None);
                    progress.AddCommitted(graph.Pending);
                    graph.Pending = 0;
                    lastCommit = _time.GetTimestamp();
                }
            },
            new ExecutionDataflowBlockOptions { BoundedCapacity = _options.QueueCapacity, MaxDegreeOfParallelism = 1 });
        judge.LinkTo(sink, new DataflowLinkOptions { PropagateCompletion = true });

        foreach (var model in plan.Models)
        {
            var block = new TransformBlock<WorkItem, WorkResult>(
                item => InvokeAsync(item, progress, stop, abort),
                new ExecutionDataflowBlockOptions
                {
                    BoundedCapacity = Math.Max(_options.QueueCapacity, model.MaxConcurrency * 2),
                    MaxDegreeOfParallelism = model.MaxConcurrency,
                    EnsureOrdered = false,
                });

            // Several sources feed the judge block: link without completion propagation (the first completion would
            // complete the target) and complete it once every model block has finished.
            block.LinkTo(judge);
            graph.ModelBlocks[model.ModelId] = block;
        }

        _ = Task.WhenAll(graph.ModelBlocks.Values.Select(b => b.Completion)).ContinueWith(
            t =>
            {
                if (t.IsFaulted)
                {
                    ((IDataflowBlock)judge).Fault(t.Exception!.GetBaseException());
                }
                else
                {
                    judge.Complete();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        graph.Prepare = new TransformBlock<VariantJob, PreparedJob>(
            job => PrepareAsync(job, stop, abort),
            new ExecutionDataflowBlockOptions
            {
                BoundedCapacity = _options.QueueCapacity,
                MaxDegreeOfParallelism = _options.VariantParallelism,
                EnsureOrdered = false,
            });
        graph.Dispatch = new ActionBlock<PreparedJob>(
            job => DispatchAsync(job, graph, progress),
            new ExecutionDataflowBlockOptions { BoundedCapacity = _options.QueueCapacity, MaxDegreeOfParallelism = 1 });
        graph.Prepare.LinkTo(graph.Dispatch, new DataflowLinkOptions { PropagateCompletion = true });

        // A sink failure (unwritable output, full disk) is systemic: stop producing and drain upstream so nothing waits
        // forever on a full queue. Committed parts stay intact.
        _ = sink.Completion.ContinueWith(
            t =>
            {
                failure.Cancel();
                ((IDataflowBlock)graph.Prepare).Fault(t.Exception!.GetBaseException());
                ((IDataflowBlock)graph.Dispatch).Fault(t.Exception!.GetBaseException());
                foreach (var block in graph.ModelBlocks.Values)
                {
                    ((IDataflowBlock)block).Fault(t.Exception!.GetBaseException());
                }

                ((IDataflowBlock)judge).Fault(t.Exception!.GetBaseException());
            },
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        graph.Sink = sink;
        return graph;
    }

    private static async Task<WorkResult> InvokeAsync(WorkItem item, RunProgress progress, CancellationToken stop, CancellationToken abort)
    {
        if (stop.IsCancellationRequested)
        {
            // Queued but not started when the stop came: not sent, not committed; the resumed run does it.
            return new WorkResult(item, null);
        }

        try
        {
            var response = await item.Model.InvokeAsync(item.Sample, item.Variant, item.Task.MaxTokens, abort);
            progress.AddCompleted(!response.Status.HasText(), response.CacheHit, response.Attempts);
            return new WorkResult(item, response);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            return new WorkResult(item, null);
        }
        catch (SystemicFailureException)
        {
            throw; // faults the graph: the run stops, committed parts stay
        }
        catch (Exception e)
        {
            // Invokers type their own failures; this is the last line that keeps one bad record from faulting the graph.
            var response = ErrorResponse(item, $"{e.GetType().Name}: {e.Message}");
            progress.AddCompleted(failed: true, cacheHit: false, attempts: 0);
            return new WorkResult(item, response);
        }
    }

    private static ModelResponse ErrorResponse(WorkItem item, string error) => new(
        item.Sample.Id, item.Variant.Id, item.Model.ModelId, item.Sample.TaskId, RequestHash: "",
        ResponseStatus.Error, Text: null, FinishReason: null, Error: error,
        LatencyMs: 0, InputTokens: null, OutputTokens: null, Attempts: 0, CacheHit: false, ImageSha256s: "");

    /// <summary>The blocks of one run and the sink-side counters (touched only by the single sink writer).</summary>
    private sealed class Graph
    {
        public TransformBlock<VariantJob, PreparedJob> Prepare { get; set; } = null!;

        public ActionBlock<PreparedJob> Dispatch { get; set; } = null!;

        public TransformBlock<WorkResult, EvaluatedItem?> Judge { get; set; } = null!;

        public Dictionary<string, TransformBlock<WorkItem, WorkResult>> ModelBlocks { get; } = new(StringComparer.Ordinal);

        public ActionBlock<EvaluatedItem?> Sink { get; set; } = null!;

        public long Written { get; set; }

        public long Pending { get; set; }

        public long Abandoned { get; set; }
    }
}
