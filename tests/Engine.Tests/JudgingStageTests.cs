using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Engine.Tests.Fakes;

namespace MultiTrust.Engine.Tests;

/// <summary>Model-backed judge steps run on their judge model's block, at its concurrency, concurrently within an item.</summary>
public sealed class JudgingStageTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(30);

    private static EnginePlan Plan(int samples, IResultSink sink, IReadOnlyList<IJudge> judges, params IModelInvoker[] models) =>
        new([new PlannedTask(new CountingTask(), samples, judges)], models, 7, new NullBlobStore(), KeySet.Empty, sink);

    private static EvaluationEngine Engine(int capacity = 8, int judges = 1) =>
        new(new EngineOptions { QueueCapacity = capacity, JudgeParallelism = judges, CommitEveryItems = 1_000 }, TimeProvider.System);

    [Theory]
    [InlineData(16, 1)]
    [InlineData(64, 2)]
    public async Task RunAsync_ModelBackedJudge_CallsInFlightReachItsConcurrencyNotTheRuleParallelism(int concurrency, int ruleParallelism)
    {
        var full = new TaskCompletionSource();
        var judge = new GatedModelJudge("harmful", "harmbench", concurrency)
        {
            Hold = async inFlight =>
            {
                if (inFlight == concurrency)
                {
                    full.TrySetResult();
                }

                await full.Task.WaitAsync(s_patience); // holds until the judge model's block is full
            },
        };
        var sink = new RecordingSink();

        await Engine(capacity: 8, judges: ruleParallelism).RunAsync(
            Plan(concurrency * 4, sink, [new EchoJudge(), judge], new FakeInvoker("m", 32)), new RunProgress(), default, default);

        Assert.Equal(concurrency, judge.MaxInFlight);
        Assert.Equal(concurrency * 4, sink.Committed.Count);
        Assert.All(sink.Committed, i => Assert.Equal(JudgmentStatus.Ok, i.Judgments.Single(j => j.JudgeId == "harmful").Status));
    }

    [Fact]
    public async Task RunAsync_TwoJudgeModelsOnOneItem_TheirCallsOverlap()
    {
        var aStarted = new TaskCompletionSource();
        var bStarted = new TaskCompletionSource();
        var a = new GatedModelJudge("a", "judge-a", 1) { Hold = async _ => { aStarted.TrySetResult(); await bStarted.Task.WaitAsync(s_patience); } };
        var b = new GatedModelJudge("b", "judge-b", 1) { Hold = async _ => { bStarted.TrySetResult(); await aStarted.Task.WaitAsync(s_patience); } };
        var sink = new RecordingSink();

        await Engine().RunAsync(Plan(1, sink, [a, b], new FakeInvoker("m", 1)), new RunProgress(), default, default);

        // Run one after the other, each would have waited for the other in vain and become a judge error.
        var item = Assert.Single(sink.Committed);
        Assert.Equal(["a", "b"], item.Judgments.Select(j => j.JudgeId));
        Assert.All(item.Judgments, j => Assert.Equal(JudgmentStatus.Ok, j.Status));
    }

    [Fact]
    public async Task RunAsync_MixedChain_SameRowsInChainOrderAsTheSerialRunner()
    {
        var model = new GatedModelJudge("harmful", "harmbench", 8);
        IReadOnlyList<IJudge> chain = [model, new EchoJudge(), new CopyStep("copy", "harmful"), new GatedModelJudge("second", "llm-judge", 4), new CopyStep("copy2", "echo")];
        var invoker = new FakeInvoker("m", 8)
        {
            Respond = (s, _) => Task.FromResult(s.Prompt.EndsWith('7')
                ? (ResponseStatus.Timeout, (string?)null)
                : (ResponseStatus.Answered, (string?)("answer to " + s.Prompt))),
        };
        var sink = new RecordingSink();

        await Engine(judges: 2).RunAsync(Plan(100, sink, chain, invoker), new RunProgress(), default, default);

        Assert.Equal(100, sink.Committed.Count);
        Assert.Equal(90, model.Calls); // once per answered response; none for the 10 timeouts
        foreach (var item in sink.Committed)
        {
            var serial = await VerdictChainRunner.RunAsync(chain, item.Sample, item.Response, CancellationToken.None);
            Assert.Equal(
                serial.Select(v => (v.Judge.Id, v.Judge.Version, v.Verdict.Label, v.Verdict.Score, v.Verdict.Status, v.Verdict.Raw, 0)),
                item.Judgments.Select(j => (j.JudgeId, j.JudgeVersion, j.Label, j.Score, j.Status, j.Raw, j.Revision)));
        }

        Assert.Equal(10, sink.Committed.Count(i => i.Judgments.All(j => j.Status == JudgmentStatus.Skipped)));
    }
}
