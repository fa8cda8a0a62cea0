using System.Threading.Tasks.Dataflow;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine.Blocks;

/// <summary>
/// The evaluation stages as TPL Dataflow blocks, for composing a pipeline inside another .NET program's graph:
/// <see cref="Source(ITrustTask, TaskGenerationContext, StageBlockOptions?)"/> → <see cref="Perturb"/> →
/// <see cref="Infer"/> → <see cref="Judge"/> → <see cref="Sink"/>. Link them with
/// <c>new DataflowLinkOptions { PropagateCompletion = true }</c> and await the sink's <c>Completion</c>.
/// </summary>
/// <remarks>
/// Every block is bounded (<see cref="StageBlockOptions.BoundedCapacity"/>); inference and judging run unordered at
/// their parallelism. Per-record failures are data, never faults: a variant that cannot be applied becomes the
/// sample's input error, a failed model call a response with a failure status, a judge that throws a
/// <c>judge_error</c> verdict. A block faults only for a systemic error (a sink that cannot write), and that fault
/// propagates along the links. The blocks are what the <see cref="EvaluationEngine"/> is made of, without its resume,
/// fan-out over models and variants, and progress: one block chain per (variant, model).
/// </remarks>
public static class StageBlocks
{
    /// <summary>The samples of <paramref name="task"/>, produced in order as the next block accepts them.</summary>
    public static ISourceBlock<Sample> Source(ITrustTask task, TaskGenerationContext context, StageBlockOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        options ??= new StageBlockOptions();
        return Source(task.GenerateAsync(context, options.CancellationToken), options);
    }

    /// <summary>Any stream of samples as a bounded source block; an exception of the stream faults the block.</summary>
    public static ISourceBlock<Sample> Source(IAsyncEnumerable<Sample> samples, StageBlockOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        options ??= new StageBlockOptions();
        options.Validate();
        var buffer = new BufferBlock<Sample>(new DataflowBlockOptions { BoundedCapacity = options.BoundedCapacity });
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var sample in samples.WithCancellation(options.CancellationToken).ConfigureAwait(false))
                {
                    if (!await buffer.SendAsync(sample, options.CancellationToken).ConfigureAwait(false))
                    {
                        return; // the buffer was faulted or completed from outside
                    }
                }

                buffer.Complete();
            }
            catch (Exception e)
            {
                ((IDataflowBlock)buffer).Fault(e);
            }
        });
        return buffer;
    }

    /// <summary>
    /// Applies <paramref name="variant"/> to every sample (null: the clean variant, samples pass unchanged). A sample it
    /// cannot be applied to goes on with the reason as its input error.
    /// </summary>
    public static IPropagatorBlock<Sample, VariantSample> Perturb(IVariantApplier? variant, StageBlockOptions? options = null)
    {
        options ??= new StageBlockOptions();
        options.Validate();
        if (variant is null)
        {
            return new TransformBlock<Sample, VariantSample>(s => new VariantSample(s, Variant.Clean), Execution(options, 1, ordered: true));
        }

        return new TransformBlock<Sample, VariantSample>(
            async sample =>
            {
                try
                {
                    return new VariantSample(await variant.ApplyAsync(sample, options.CancellationToken).ConfigureAwait(false), variant.Variant);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    var failed = sample with { Metadata = sample.Metadata.SetItem(SampleMetadataKeys.InputError, e.Message) };
                    return new VariantSample(failed, variant.Variant);
                }
            },
            Execution(options, Environment.ProcessorCount, ordered: false));
    }

    /// <summary>
    /// Sends every variant sample to <paramref name="model"/> (<see cref="IModelInvoker.MaxConcurrency"/> calls in flight
    /// unless the options say otherwise) with <paramref name="maxTokens"/> as the task's new-token limit.
    /// </summary>
    public static IPropagatorBlock<VariantSample, AnsweredSample> Infer(IModelInvoker model, StageBlockOptions? options = null, int? maxTokens = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new StageBlockOptions();
        options.Validate();
        return new TransformBlock<VariantSample, AnsweredSample>(
            async item => new AnsweredSample(
                item.Sample, item.Variant,
                await model.InvokeAsync(item.Sample, item.Variant, maxTokens, options.CancellationToken).ConfigureAwait(false)),
            Execution(options, Math.Max(1, model.MaxConcurrency), ordered: false));
    }

    /// <summary>
    /// Runs the verdict chain <paramref name="judges"/> (in order; later steps read earlier verdicts) on every response and
    /// emits the item a result sink writes: the response with one judgments row per step that applies.
    /// </summary>
    public static IPropagatorBlock<AnsweredSample, EvaluatedItem> Judge(IReadOnlyList<IJudge> judges, StageBlockOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(judges);
        options ??= new StageBlockOptions();
        options.Validate();
        return new TransformBlock<AnsweredSample, EvaluatedItem>(
            async item =>
            {
                var verdicts = await VerdictChainRunner.RunAsync(judges, item.Sample, item.Response, options.CancellationToken).ConfigureAwait(false);
                var response = item.Response;
                var rows = verdicts.Select(v => new Judgment(
                    response.SampleId, response.VariantId, response.ModelId, response.TaskId, item.Sample.Subset,
                    v.Judge.Id, v.Judge.Version, v.Verdict.Label, v.Verdict.Score, v.Verdict.Status, v.Verdict.Raw, item.Sample.Target.Expected));
                return new EvaluatedItem(item.Sample, item.Variant, response, [.. rows], WriteSampleRow: true);
            },
            Execution(options, Environment.ProcessorCount, ordered: false));
    }

    /// <summary>
    /// Writes every item to <paramref name="sink"/> from one writer, commits every
    /// <see cref="StageBlockOptions.CommitEveryItems"/> items, and commits the rest before <c>Completion</c> completes.
    /// A write or commit failure faults the block (committed rows stay committed). The caller owns and disposes the sink.
    /// </summary>
    public static ITargetBlock<EvaluatedItem> Sink(IResultSink sink, StageBlockOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        options ??= new StageBlockOptions();
        options.Validate();
        return new CommittingSinkBlock(sink, options);
    }

    private static ExecutionDataflowBlockOptions Execution(StageBlockOptions options, int parallelism, bool ordered) => new()
    {
        BoundedCapacity = options.BoundedCapacity,
        MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? parallelism,
        EnsureOrdered = ordered,
        CancellationToken = options.CancellationToken,
    };

}
