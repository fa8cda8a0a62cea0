using System.Threading.Tasks.Dataflow;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Engine.Blocks;
using MultiTrust.Engine.Tests.Fakes;

namespace MultiTrust.Engine.Tests.Blocks;

public sealed class StageBlocksTests
{
    private static readonly DataflowLinkOptions s_link = new() { PropagateCompletion = true };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 8)]
    [InlineData(4, 3)]
    [InlineData(64, 8)]
    public async Task Composed_EverySampleReachesTheSinkOnceJudgedAndCommitted(int capacity, int parallelism)
    {
        var task = new CountingTask();
        var variant = new FakeVariant("v1") { FailsFor = s => s.Prompt.EndsWith('7') };
        var model = new FakeInvoker("m", parallelism);
        var sink = new RecordingSink();
        var options = new StageBlockOptions { BoundedCapacity = capacity, CommitEveryItems = 16 };

        var end = Compose(task, 150, variant, model, sink, options);
        await end.Completion;

        Assert.Equal(150, sink.Committed.Count);
        Assert.Equal(150, sink.Committed.Select(i => i.Sample.Id).Distinct().Count());
        Assert.False(sink.SawConcurrentCalls);
        Assert.InRange(model.MaxInFlight, 1, parallelism);
        Assert.All(sink.Committed, i => Assert.Equal("v1", i.Variant.Id));
        Assert.All(sink.Committed, i => Assert.Equal("echo", Assert.Single(i.Judgments).JudgeId));
        var failed = sink.Committed.Where(i => i.Sample.Metadata.ContainsKey(SampleMetadataKeys.InputError)).ToList();
        Assert.Equal(15, failed.Count);
        Assert.All(failed, i => Assert.Contains("is corrupt", i.Sample.Metadata[SampleMetadataKeys.InputError], StringComparison.Ordinal));
        Assert.Equal(10, sink.Commits);
    }

    [Fact]
    public async Task Sink_WriteFails_CompletionFaultsAndEarlierCommitsStay()
    {
        var sink = new RecordingSink { FailOnWrite = 7 };

        var end = Compose(new CountingTask(), 50, null, new FakeInvoker("m", 2), sink, new StageBlockOptions { BoundedCapacity = 2, CommitEveryItems = 3 });

        var error = await Assert.ThrowsAsync<IOException>(() => end.Completion);
        Assert.Contains("No space left", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, sink.Committed.Count);
    }

    [Fact]
    public async Task Source_GeneratorThrows_FaultReachesTheSink()
    {
        var task = new CountingTask { FailAtIndex = 20, FailAfter = new InvalidOperationException("generator broke") };
        var sink = new RecordingSink();

        var end = Compose(task, 100, null, new FakeInvoker("m", 4), sink, new StageBlockOptions { BoundedCapacity = 4 });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => end.Completion);
        Assert.Contains("generator broke", error.ToString(), StringComparison.Ordinal);
        Assert.True(sink.Committed.Count <= 20);
    }

    private static ITargetBlock<EvaluatedItem> Compose(
        ITrustTask task, int count, IVariantApplier? variant, IModelInvoker model, IResultSink sink, StageBlockOptions options)
    {
        var source = StageBlocks.Source(task, new TaskGenerationContext(1, count, new NullBlobStore()), options);
        var perturb = StageBlocks.Perturb(variant, options);
        var infer = StageBlocks.Infer(model, options);
        var judge = StageBlocks.Judge([new EchoJudge()], options);
        var end = StageBlocks.Sink(sink, options);
        source.LinkTo(perturb, s_link);
        perturb.LinkTo(infer, s_link);
        infer.LinkTo(judge, s_link);
        judge.LinkTo(end, s_link);
        return end;
    }
}
