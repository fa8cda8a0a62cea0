using System.Threading.Tasks.Dataflow;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine;

/// <summary>The variant stage: apply each (sample, variant) once, then fan it out to the models that need it.</summary>
public sealed partial class EvaluationEngine
{
    /// <summary>
    /// Completes the variant blocks, waits for them to hand everything to the model blocks, then completes the model
    /// blocks (or faults them when the dispatcher was faulted by a failing sink or judging stage).
    /// </summary>
    private static async Task CompleteInferenceAsync(Graph graph)
    {
        graph.Prepare.Complete();
        Exception? failure = null;
        try
        {
            await graph.Dispatch.Completion.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e is AggregateException a ? a.Flatten().InnerExceptions[0] : e;
        }

        foreach (var block in graph.ModelBlocks.Values)
        {
            if (failure is null)
            {
                block.Complete();
            }
            else
            {
                ((IDataflowBlock)block).Fault(failure);
            }
        }
    }

    /// <summary>
    /// Applies the job's variant; a per-sample failure becomes <see cref="PreparedJob.Error"/>, a systemic one halts the
    /// run (the job is abandoned; what completed before it is still committed).
    /// </summary>
    private static async Task<PreparedJob> PrepareAsync(VariantJob job, Graph graph, CancellationToken abort)
    {
        if (graph.Halted)
        {
            // Queued when a stop or a systemic failure came: neither perturbed nor sent; the resumed run does it.
            return new PreparedJob(job, job.Sample, null, Abandoned: true);
        }

        if (job.Applier is null)
        {
            return new PreparedJob(job, job.Sample, null);
        }

        try
        {
            return new PreparedJob(job, await job.Applier.ApplyAsync(job.Sample, abort).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            return new PreparedJob(job, job.Sample, null, Abandoned: true);
        }
        catch (SystemicFailureException e)
        {
            graph.Fail(e);
            return new PreparedJob(job, job.Sample, null, Abandoned: true);
        }
        catch (Exception e)
        {
            return new PreparedJob(job, job.Sample, $"variant '{job.Variant.Id}' could not be applied to sample {job.Sample.Id}: {e.Message}");
        }
    }

    /// <summary>
    /// Fans a prepared (sample, variant) out to the model blocks that still need it, and its committed results to judge
    /// again straight to the judging stage (their model is not called); single-threaded, awaiting each send.
    /// </summary>
    private static async Task DispatchAsync(PreparedJob prepared, Graph graph, RunProgress progress)
    {
        var job = prepared.Job;
        foreach (var model in job.Models)
        {
            var item = new WorkItem(prepared.Sample, job.Variant, model, job.Task, job.WriteSampleRow && ReferenceEquals(model, job.Models[0]));
            bool sent;
            if (prepared.Abandoned)
            {
                sent = await graph.Judging.Input.SendAsync(new WorkResult(item, null)).ConfigureAwait(false);
            }
            else if (prepared.Error is null)
            {
                sent = await graph.ModelBlocks[model.ModelId].SendAsync(item).ConfigureAwait(false);
            }
            else
            {
                // Never sent: a typed error row per model, so the failure is data (committed like any row; not an answer).
                progress.AddCompleted(failed: true, cacheHit: false, attempts: 0);
                sent = await graph.Judging.Input.SendAsync(new WorkResult(item, ErrorResponse(item, prepared.Error))).ConfigureAwait(false);
            }

            if (!sent)
            {
                return; // the graph is failing; its error surfaces from the sink's completion
            }
        }

        foreach (var (model, committed) in job.Rejudge)
        {
            // A variant that cannot be made now leaves the committed judgments as they are.
            var item = new WorkItem(prepared.Sample, job.Variant, model, job.Task, WriteSampleRow: false);
            var result = prepared.Abandoned || prepared.Error is not null
                ? new WorkResult(item, null)
                : new WorkResult(item, committed.Response, committed);
            if (!await graph.Judging.Input.SendAsync(result).ConfigureAwait(false))
            {
                return;
            }
        }
    }
}
