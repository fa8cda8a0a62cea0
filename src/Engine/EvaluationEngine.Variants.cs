using System.Threading.Tasks.Dataflow;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine;

/// <summary>The variant stage: apply each (sample, variant) once, then fan it out to the models that need it.</summary>
public sealed partial class EvaluationEngine
{
    /// <summary>
    /// Completes the variant blocks, waits for them to hand everything to the model blocks, then completes the model
    /// blocks (or faults them with a systemic failure raised while applying a variant).
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

    /// <summary>Applies the job's variant; a per-sample failure becomes <see cref="PreparedJob.Error"/>, a systemic one faults the graph.</summary>
    private static async Task<PreparedJob> PrepareAsync(VariantJob job, CancellationToken stop, CancellationToken abort)
    {
        if (stop.IsCancellationRequested)
        {
            // Queued when the stop came: neither perturbed nor sent; the resumed run does it.
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
        catch (SystemicFailureException)
        {
            throw;
        }
        catch (Exception e)
        {
            return new PreparedJob(job, job.Sample, $"variant '{job.Variant.Id}' could not be applied to sample {job.Sample.Id}: {e.Message}");
        }
    }

    /// <summary>Fans a prepared (sample, variant) out to the model blocks that still need it; single-threaded, awaiting each send.</summary>
    private static async Task DispatchAsync(PreparedJob prepared, Graph graph, RunProgress progress)
    {
        var job = prepared.Job;
        foreach (var model in job.Models)
        {
            var item = new WorkItem(prepared.Sample, job.Variant, model, job.Task, job.WriteSampleRow && ReferenceEquals(model, job.Models[0]));
            bool sent;
            if (prepared.Abandoned)
            {
                sent = await graph.Judge.SendAsync(new WorkResult(item, null)).ConfigureAwait(false);
            }
            else if (prepared.Error is null)
            {
                sent = await graph.ModelBlocks[model.ModelId].SendAsync(item).ConfigureAwait(false);
            }
            else
            {
                // Never sent: a typed error row per model, so the failure is data (committed like any row; not an answer).
                progress.AddCompleted(failed: true, cacheHit: false, attempts: 0);
                sent = await graph.Judge.SendAsync(new WorkResult(item, ErrorResponse(item, prepared.Error))).ConfigureAwait(false);
            }

            if (!sent)
            {
                return; // the graph is failing; its error surfaces from the sink's completion
            }
        }
    }
}
