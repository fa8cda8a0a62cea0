using Microsoft.Extensions.Time.Testing;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Engine.Tests.Fakes;

namespace MultiTrust.Engine.Tests;

/// <summary>A systemic stop keeps completed work; pending results are committed on a timer.</summary>
public sealed class EvaluationEngineStopTests
{
    private static EnginePlan Plan(int samples, IResultSink sink, params IModelInvoker[] models) =>
        new([new PlannedTask(new CountingTask(), samples, [new EchoJudge()])], models, 7, new NullBlobStore(), KeySet.Empty, sink);

    [Theory]
    [InlineData(1, 4)]
    [InlineData(8, 16)]
    [InlineData(64, 2)]
    public async Task RunAsync_SystemicFailureMidRun_EveryResultCompletedBeforeItIsCommitted(int concurrency, int capacity)
    {
        var calls = 0;
        var model = new FakeInvoker("m", concurrency)
        {
            Respond = async (_, _) =>
            {
                await Task.Yield();
                return Interlocked.Increment(ref calls) > 300
                    ? throw new SystemicFailureException("the response cache failed")
                    : (ResponseStatus.Answered, "ok");
            },
        };
        var sink = new RecordingSink();

        var error = await Assert.ThrowsAsync<SystemicFailureException>(() =>
            new EvaluationEngine(new EngineOptions { QueueCapacity = capacity, CommitEveryItems = 100_000 }, TimeProvider.System)
                .RunAsync(Plan(10_000, sink, model), new RunProgress(), default, default));

        Assert.Contains("response cache failed", error.Message);
        Assert.Equal(300, model.Returned.Count);
        Assert.Equal(model.Returned.Order(), sink.Committed.Select(i => i.Sample.Id).Order());
        Assert.All(sink.Committed, i => Assert.Equal(ResponseStatus.Answered, i.Response.Status));
        Assert.True(model.Calls < 10_000, "nothing new may be sent after the failure");
    }

    [Fact]
    public async Task RunAsync_SystemicFailureApplyingAVariant_ResultsCompletedBeforeItAreCommitted()
    {
        var task = new CountingTask();
        var variant = new FakeVariant("blur") { FailsFor = _ => false };
        var failing = new SystemicVariant(variant, failAt: 150);
        var model = new FakeInvoker("m", 4);
        var sink = new RecordingSink();
        var plan = new EnginePlan([new PlannedTask(task, 2_000, [new EchoJudge()]) { Variants = [failing] }], [model], 7, new NullBlobStore(), KeySet.Empty, sink);

        await Assert.ThrowsAsync<SystemicFailureException>(() =>
            new EvaluationEngine(new EngineOptions { QueueCapacity = 8, CommitEveryItems = 100_000 }, TimeProvider.System)
                .RunAsync(plan, new RunProgress(), default, default));

        Assert.True(model.Returned.Count > 0);
        Assert.Equal(model.Returned.Order(), sink.Committed.Select(i => i.Sample.Id).Order());
    }

    [Fact]
    public async Task RunAsync_CommitIntervalPassesWithNoNewResult_PendingResultsAreCommittedByTheTimer()
    {
        var time = new FakeTimeProvider();
        var release = new TaskCompletionSource();
        var model = new FakeInvoker("m", 1)
        {
            Respond = async (s, _) =>
            {
                if (s.Prompt == "prompt 10")
                {
                    await release.Task; // a stalled request: no result arrives for a while
                }

                return (ResponseStatus.Answered, "ok");
            },
        };
        var sink = new RecordingSink();
        var engine = new EvaluationEngine(
            new EngineOptions { QueueCapacity = 4, CommitEveryItems = 1_000, CommitInterval = TimeSpan.FromSeconds(10) }, time);

        var run = engine.RunAsync(Plan(20, sink, model), new RunProgress(), default, default);
        await WaitUntil(() => sink.Written == 10);
        Assert.Equal(0, sink.CommittedCount);

        time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(50);
        Assert.Equal(0, sink.CommittedCount); // the interval has not passed

        time.Advance(TimeSpan.FromSeconds(6));
        await WaitUntil(() => sink.CommittedCount == 10);

        release.SetResult();
        await run;
        Assert.Equal(20, sink.CommittedCount);
        Assert.Equal(2, sink.Commits);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the expected state was not reached within 30 s");
            await Task.Delay(5);
        }
    }

    /// <summary>A variant whose store breaks (a systemic failure) from its Nth application on.</summary>
    private sealed class SystemicVariant(IVariantApplier inner, int failAt) : IVariantApplier
    {
        private int _applied;

        public Variant Variant => inner.Variant;

        public ValueTask<Sample> ApplyAsync(Sample sample, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _applied) >= failAt
                ? throw new SystemicFailureException("the perturbation cache failed")
                : inner.ApplyAsync(sample, cancellationToken);
    }
}
