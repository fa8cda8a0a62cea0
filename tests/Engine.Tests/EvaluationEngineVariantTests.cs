using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Engine.Tests.Fakes;

namespace MultiTrust.Engine.Tests;

public sealed class EvaluationEngineVariantTests
{
    private static EnginePlan Plan(int samples, IResultSink sink, ICompletedKeys? completed, IReadOnlyList<IVariantApplier> variants, params IModelInvoker[] models)
    {
        var task = new CountingTask();
        return new([new PlannedTask(task, samples, task.Judges) { Variants = variants }], models, 7, new NullBlobStore(), completed ?? KeySet.Empty, sink);
    }

    private static EvaluationEngine Engine(int capacity = 8, int variantParallelism = 2) =>
        new(new EngineOptions { QueueCapacity = capacity, CommitEveryItems = 50, VariantParallelism = variantParallelism }, TimeProvider.System);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 2)]
    [InlineData(32, 8)]
    public async Task RunAsync_Variants_EverySampleVariantModelCommittedOnceAndAppliedOncePerSample(int capacity, int parallelism)
    {
        var sink = new RecordingSink();
        var noise = new FakeVariant("noise@2");
        var blur = new FakeVariant("blur@4");
        var progress = new RunProgress();

        await Engine(capacity, parallelism).RunAsync(
            Plan(100, sink, null, [noise, blur], new FakeInvoker("a", 4), new FakeInvoker("b", 3)), progress, default, default);

        Assert.Equal(600, progress.Planned);
        Assert.Equal(600, sink.Committed.Count);
        Assert.Equal(600, sink.Committed.Select(i => (i.Sample.Id, i.Variant.Id, i.Response.ModelId)).Distinct().Count());
        Assert.Equal(100, noise.Applied);
        Assert.Equal(100, blur.Applied);
        Assert.All(sink.Committed.Where(i => i.Variant.Id == "noise@2"), i => Assert.StartsWith("noise@2: ", i.Sample.Prompt, StringComparison.Ordinal));
        Assert.All(sink.Committed.Where(i => i.Variant.Id == "clean"), i => Assert.StartsWith("prompt ", i.Sample.Prompt, StringComparison.Ordinal));
        // one samples-table row per (sample, variant)
        Assert.Equal(300, sink.Committed.Count(i => i.WriteSampleRow));
        Assert.Equal(300, sink.Committed.Where(i => i.WriteSampleRow).Select(i => (i.Sample.Id, i.Variant.Id)).Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_VariantFailsForASample_TypedErrorRowPerModelOthersUnaffected()
    {
        var sink = new RecordingSink();
        var broken = new FakeVariant("jpeg@5") { FailsFor = s => s.Prompt.EndsWith('7') };
        var a = new FakeInvoker("a", 2);

        await Engine().RunAsync(Plan(40, sink, null, [broken], a, new FakeInvoker("b", 2)), new RunProgress(), default, default);

        var failed = sink.Committed.Where(i => i.Response.Status == ResponseStatus.Error).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, i =>
        {
            Assert.Equal("jpeg@5", i.Variant.Id);
            Assert.Null(i.Response.Text);
            Assert.Contains("could not be applied", i.Response.Error, StringComparison.Ordinal);
            Assert.Contains("corrupt", i.Response.Error, StringComparison.Ordinal);
            Assert.All(i.Judgments, j => Assert.Equal(JudgmentStatus.Skipped, j.Status));
        });
        Assert.Equal(0, failed.Count % 2); // one row per model
        Assert.Equal(160, sink.Committed.Count);
        Assert.Equal(80 - failed.Count / 2, a.Calls);
    }

    [Fact]
    public async Task RunAsync_CompletedVariantKeys_AreSkippedAndNotApplied()
    {
        var task = new CountingTask();
        var ids = new List<string>();
        await foreach (var s in task.GenerateAsync(new TaskGenerationContext(7, 20, new NullBlobStore()), default))
        {
            ids.Add(s.Id);
        }

        var done = new KeySet(ids.Select(id => (id, "noise@1", "m")));
        var noise = new FakeVariant("noise@1");
        var sink = new RecordingSink();

        var result = await Engine().RunAsync(Plan(20, sink, done, [noise], new FakeInvoker("m", 2)), new RunProgress(), default, default);

        Assert.Equal(0, noise.Applied);
        Assert.Equal(20, result.Skipped);
        Assert.All(sink.Committed, i => Assert.Equal("clean", i.Variant.Id));
    }

    [Fact]
    public async Task RunAsync_SystemicVariantFailure_StopsTheRun()
    {
        var sink = new RecordingSink();
        var broken = new FakeVariant("noise@1") { Systemic = new SystemicFailureException("image store is full") };

        var error = await Assert.ThrowsAsync<SystemicFailureException>(
            () => Engine().RunAsync(Plan(500, sink, null, [broken], new FakeInvoker("m", 2)), new RunProgress(), default, default));

        Assert.Contains("image store is full", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sink.Committed, i => i.Variant.Id == "noise@1");
    }

    [Fact]
    public async Task RunAsync_StopWhileVariantsQueued_QueuedVariantsNeitherAppliedNorSent()
    {
        using var stop = new CancellationTokenSource();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = 0;
        var slow = new FakeVariant("blur@5")
        {
            Before = async () =>
            {
                if (Interlocked.Increment(ref waiting) == 2)
                {
                    await stop.CancelAsync();
                    gate.TrySetResult();
                }

                await gate.Task;
            },
        };
        var model = new FakeInvoker("m", 2);
        var sink = new RecordingSink();

        var result = await Engine(capacity: 4, variantParallelism: 2).RunAsync(Plan(1_000, sink, null, [slow], model), new RunProgress(), stop.Token, default);

        Assert.True(result.Interrupted);
        Assert.True(slow.Applied <= 2, $"{slow.Applied} variants applied after the stop");
        Assert.True(model.Calls < 100, $"{model.Calls} requests sent after the stop");
        Assert.Equal(sink.Committed.Count, sink.Committed.Select(i => (i.Sample.Id, i.Variant.Id)).Distinct().Count());
        Assert.DoesNotContain(sink.Committed, i => i.Response.Status != ResponseStatus.Answered);
    }
}
