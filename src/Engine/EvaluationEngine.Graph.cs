using System.Threading.Tasks.Dataflow;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine;

public sealed partial class EvaluationEngine
{
    private Graph BuildGraph(EnginePlan plan, RunProgress progress, CancellationTokenSource failure, CancellationToken abort)
    {
        var graph = new Graph(failure);
        var lastCommit = _time.GetTimestamp();
        async Task CommitAsync()
        {
            await plan.Sink.CommitAsync(CancellationToken.None);
            progress.AddCommitted(graph.Pending);
            graph.Pending = 0;
            lastCommit = _time.GetTimestamp();
        }

        var sink = graph.Sink = new ActionBlock<SinkEntry>(
            async entry =>
            {
                if (entry.IsTick)
                {
                    // The commit timer: commit what is pending even when no result arrives (a slow tail, a stalled server).
                    if (graph.Pending > 0 && _time.GetElapsedTime(lastCommit) >= _options.CommitInterval)
                    {
                        await CommitAsync();
                    }

                    return;
                }

                if (entry.Item is not { } item)
                {
                    graph.Abandoned++;
                    return;
                }

                await plan.Sink.WriteAsync(item, CancellationToken.None);
                if (item.JudgmentsOnly)
                {
                    graph.Rejudged++;
                    progress.AddRejudged();
                }
                else
                {
                    graph.Written++;
                }

                graph.Pending++;
                if (graph.Pending >= _options.CommitEveryItems || _time.GetElapsedTime(lastCommit) >= _options.CommitInterval)
                {
                    await CommitAsync();
                }
            },
            new ExecutionDataflowBlockOptions { BoundedCapacity = _options.QueueCapacity, MaxDegreeOfParallelism = 1 });

        var judging = graph.Judging = new JudgingStage(
            _options, plan.Tasks.SelectMany(t => t.Judges).OfType<IModelBackedJudge>(), sink, plan.Rejudge?.Selection, abort);
        foreach (var model in plan.Models)
        {
            var block = new TransformBlock<WorkItem, WorkResult>(
                item => InvokeAsync(item, graph, progress, abort),
                new ExecutionDataflowBlockOptions
                {
                    BoundedCapacity = Math.Max(_options.QueueCapacity, model.MaxConcurrency * 2),
                    MaxDegreeOfParallelism = model.MaxConcurrency,
                    EnsureOrdered = false,
                });

            // Several sources feed the judging stage: link without completion propagation (the first completion would
            // complete the target) and complete it once every model block has finished.
            block.LinkTo(judging.Input);
            graph.ModelBlocks[model.ModelId] = block;
        }

        _ = Task.WhenAll(graph.ModelBlocks.Values.Select(b => b.Completion)).ContinueWith(
            t =>
            {
                if (t.IsFaulted)
                {
                    judging.Fault(t.Exception!.GetBaseException());
                }
                else
                {
                    judging.Complete();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        // Whatever stops the judging stage, what reached the sink is still written and committed: the sink completes
        // normally. A fault of the stage stops the run (upstream is drained so nothing waits on a full queue).
        _ = judging.Completion.ContinueWith(
            t =>
            {
                if (t.IsFaulted)
                {
                    graph.Fail(t.Exception!.GetBaseException());
                    FaultUpstream(graph, t.Exception!.GetBaseException());
                }

                sink.Complete();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        graph.Prepare = new TransformBlock<VariantJob, PreparedJob>(
            job => PrepareAsync(job, graph, abort),
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

        // A sink failure (unwritable output, full disk) is systemic and leaves nothing to commit to: stop producing and
        // drain upstream so nothing waits forever on a full queue. Committed parts stay intact.
        _ = sink.Completion.ContinueWith(
            t =>
            {
                var error = t.Exception!.GetBaseException();
                graph.Fail(error);
                FaultUpstream(graph, error);
                judging.Fault(error);
            },
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        var tick = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, _options.CommitInterval.Ticks / 2));
        graph.CommitTimer = _time.CreateTimer(_ => sink.Post(SinkEntry.Tick), null, tick, tick);
        return graph;
    }

    private static void FaultUpstream(Graph graph, Exception error)
    {
        ((IDataflowBlock)graph.Prepare).Fault(error);
        ((IDataflowBlock)graph.Dispatch).Fault(error);
        foreach (var block in graph.ModelBlocks.Values)
        {
            ((IDataflowBlock)block).Fault(error);
        }
    }

    private static async Task<WorkResult> InvokeAsync(WorkItem item, Graph graph, RunProgress progress, CancellationToken abort)
    {
        if (graph.Halted)
        {
            // Queued but not started when a stop or a systemic failure came: not sent, not committed; the resumed run does it.
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
        catch (SystemicFailureException e)
        {
            // Stops the run (no new sends), but the results completed before it still flow to the sink and are committed.
            graph.Fail(e);
            return new WorkResult(item, null);
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
}
