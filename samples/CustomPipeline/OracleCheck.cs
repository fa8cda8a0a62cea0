using System.Threading.Tasks.Dataflow;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Engine.Blocks;
using MultiTrust.Sinks.Results;
using MultiTrust.Sources.Storage;
using MultiTrust.Stages.Inference;
using MultiTrust.Stages.Inference.Baselines;
using MultiTrust.Stages.Judging.Chains;
using MultiTrust.Tasks;

namespace CustomPipeline;

/// <summary>
/// A custom pipeline built from the library's blocks: T.1's synthetic scenes → clean variant → the
/// <c>baseline:oracle</c> model → T.1's verdict chain → a block of this program that tallies correct answers → the
/// Parquet result store. The oracle answers every sample's reference, so every response must be judged correct.
/// </summary>
internal static class OracleCheck
{
    /// <summary>What the pipeline wrote and counted.</summary>
    public sealed record Result(int Responses, int Correct, string RunDirectory);

    public static async Task<Result> RunAsync(string output, int samples, CancellationToken cancellationToken)
    {
        if (!new TaskCatalog().TryGet("t1-basic", TaskSuites.Synthetic, out var task))
        {
            throw new InvalidOperationException("t1-basic has no synthetic source");
        }

        using var blobs = new FileBlobStore(output);
        var runDirectory = Path.Combine(output, "runs", "custom-pipeline");
        using var client = Baselines.Create("baseline:oracle", seed: 7);
        var model = new ModelInvoker(client, new ModelInvokerOptions
        {
            ModelId = "baseline:oracle",
            ProviderKind = ModelInvokerOptions.BaselineProviderKind,
            ModelName = "baseline:oracle",
            UseCache = false,
        }, blobs);
        var judges = VerdictChain.Build(task.Info.Id, task.Verdicts, models: null);
        var options = new StageBlockOptions { BoundedCapacity = 16, CommitEveryItems = 8, CancellationToken = cancellationToken };
        var link = new DataflowLinkOptions { PropagateCompletion = true };

        var source = StageBlocks.Source(task, new TaskGenerationContext(Seed: 7, samples, blobs), options);
        var perturb = StageBlocks.Perturb(variant: null, options);
        var infer = StageBlocks.Infer(model, options, task.Generation.MaxTokens);
        var judge = StageBlocks.Judge(judges, options);
        var responses = 0;
        var correct = 0;
        // This program's own block, between the library's: it sees every judged item on its way to the sink.
        var tally = new TransformBlock<EvaluatedItem, EvaluatedItem>(item =>
        {
            responses++;
            correct += item.Judgments.Any(j => j.Score == 1.0) ? 1 : 0;
            return item;
        }, new ExecutionDataflowBlockOptions { BoundedCapacity = 16 });
        await using var store = new ParquetResultSink(runDirectory, "custom-pipeline", options: new ParquetSinkOptions { BeforeCommit = blobs.FlushAsync });
        var sink = StageBlocks.Sink(store, options);

        source.LinkTo(perturb, link);
        perturb.LinkTo(infer, link);
        infer.LinkTo(judge, link);
        judge.LinkTo(tally, link);
        tally.LinkTo(sink, link);
        await sink.Completion.ConfigureAwait(false);
        return new Result(responses, correct, runDirectory);
    }
}
