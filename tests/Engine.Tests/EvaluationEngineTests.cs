using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Engine.Tests.Fakes;

namespace MultiTrust.Engine.Tests;

public sealed class EvaluationEngineTests
{
    private static EnginePlan Plan(int samples, IResultSink sink, ICompletedKeys? completed = null, params IModelInvoker[] models) =>
        Plan(new CountingTask(), samples, sink, completed, models);

    private static EnginePlan Plan(CountingTask task, int samples, IResultSink sink, ICompletedKeys? completed, params IModelInvoker[] models) =>
        new([new PlannedTask(task, samples, task.Judges)], models, 7, new NullBlobStore(), completed ?? KeySet.Empty, sink);

    private static EvaluationEngine Engine(int capacity = 16, int commitEvery = 100, int judges = 2) =>
        new(new EngineOptions { QueueCapacity = capacity, CommitEveryItems = commitEvery, JudgeParallelism = judges }, TimeProvider.System);

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 8, 4)]
    [InlineData(4, 1, 1)]
    [InlineData(16, 32, 2)]
    [InlineData(64, 3, 8)]
    public async Task RunAsync_AnyCapacityAndParallelism_EveryKeyCommittedExactlyOnce(int capacity, int concurrency, int judges)
    {
        var sink = new RecordingSink();
        var a = new FakeInvoker("a", concurrency);
        var b = new FakeInvoker("b", concurrency);

        var result = await Engine(capacity, commitEvery: 37, judges).RunAsync(Plan(500, sink, null, a, b), new RunProgress(), default, default);

        Assert.False(result.Interrupted);
        Assert.Equal(1000, sink.Committed.Count);
        Assert.Equal(1000, sink.Committed.Select(i => (i.Sample.Id, i.Response.ModelId)).Distinct().Count());
        Assert.Equal(500, sink.Committed.Count(i => i.WriteSampleRow));
        Assert.All(sink.Committed.Where(i => i.WriteSampleRow), i => Assert.Equal("a", i.Response.ModelId));
        Assert.True(a.MaxInFlight <= concurrency && b.MaxInFlight <= concurrency, $"in flight {a.MaxInFlight}/{b.MaxInFlight} > {concurrency}");
        Assert.False(sink.SawConcurrentCalls);
        Assert.True(sink.Commits >= 1000 / 37);
    }

    [Fact]
    public async Task RunAsync_SlowModel_InFlightReachesButNeverExceedsConcurrency()
    {
        var gate = new TaskCompletionSource();
        var started = 0;
        var model = new FakeInvoker("m", 8)
        {
            Respond = async (_, _) =>
            {
                if (Interlocked.Increment(ref started) == 8)
                {
                    gate.TrySetResult();
                }

                await gate.Task;
                return (ResponseStatus.Answered, "ok");
            },
        };
        var sink = new RecordingSink();

        await Engine(capacity: 4).RunAsync(Plan(200, sink, null, model), new RunProgress(), default, default);

        Assert.Equal(8, model.MaxInFlight);
        Assert.Equal(200, sink.Committed.Count);
    }

    [Fact]
    public async Task RunAsync_FailedResponses_AreRowsWithSkippedJudgments()
    {
        var model = new FakeInvoker("m", 4)
        {
            Respond = (s, _) => Task.FromResult(s.Prompt.EndsWith('3') ? (ResponseStatus.Timeout, (string?)null) : (ResponseStatus.Answered, "ok")),
        };
        var sink = new RecordingSink();
        var progress = new RunProgress();

        await Engine().RunAsync(Plan(100, sink, null, model), progress, default, default);

        var failed = sink.Committed.Where(i => i.Response.Status == ResponseStatus.Timeout).ToList();
        Assert.Equal(10, failed.Count);
        Assert.All(failed, i => Assert.Equal(JudgmentStatus.Skipped, Assert.Single(i.Judgments).Status));
        Assert.All(failed, i => Assert.Null(i.Judgments[0].Score));
        Assert.Equal(10, progress.Failed);
    }

    [Fact]
    public async Task RunAsync_JudgeThrows_JudgeErrorRowAndRunContinues()
    {
        var model = new FakeInvoker("m", 2)
        {
            Respond = (s, _) => Task.FromResult((ResponseStatus.Answered, (string?)(s.Prompt == "prompt 5" ? "boom" : "ok"))),
        };
        var sink = new RecordingSink();

        await Engine().RunAsync(Plan(20, sink, null, model), new RunProgress(), default, default);

        Assert.Equal(20, sink.Committed.Count);
        var bad = Assert.Single(sink.Committed, i => i.Response.Text == "boom");
        Assert.Equal(JudgmentStatus.JudgeError, bad.Judgments[0].Status);
        Assert.Contains("judge exploded", bad.Judgments[0].Raw);
    }

    [Fact]
    public async Task RunAsync_CompletedKeys_AreSkippedAndNotSent()
    {
        var task = new CountingTask();
        var all = new List<Sample>();
        await foreach (var s in task.GenerateAsync(new TaskGenerationContext(7, 50, new NullBlobStore()), default))
        {
            all.Add(s);
        }

        var done = new KeySet(all.Take(30).Select(s => (s.Id, "clean", "m")));
        var model = new FakeInvoker("m", 4);
        var sink = new RecordingSink();
        var progress = new RunProgress();

        var result = await Engine().RunAsync(Plan(task, 50, sink, done, model), progress, default, default);

        Assert.Equal(20, model.Calls);
        Assert.Equal(20, sink.Committed.Count);
        Assert.Equal(30, result.Skipped);
        Assert.DoesNotContain(sink.Committed, i => done.Contains(i.Sample.Id, "clean", "m"));
    }

    [Fact]
    public async Task RunAsync_SinkFails_RunThrowsAndEarlierCommitsStay()
    {
        var sink = new RecordingSink { FailOnWrite = 250 };
        var model = new FakeInvoker("m", 8);

        var error = await Assert.ThrowsAsync<IOException>(
            () => Engine(commitEvery: 100).RunAsync(Plan(10_000, sink, null, model), new RunProgress(), default, default));

        Assert.Contains("No space left", error.Message);
        Assert.Equal(200, sink.Committed.Count);
        Assert.True(model.Calls < 10_000, "production must stop after a sink failure");
    }

    [Fact]
    public async Task RunAsync_StopRequested_InFlightFinishCommittedWithoutDuplicates()
    {
        using var stop = new CancellationTokenSource();
        var model = new FakeInvoker("m", 4)
        {
            Respond = async (s, _) =>
            {
                if (s.Prompt == "prompt 300")
                {
                    await stop.CancelAsync();
                }

                await Task.Yield();
                return (ResponseStatus.Answered, "ok");
            },
        };
        var sink = new RecordingSink();

        var result = await Engine().RunAsync(Plan(100_000, sink, null, model), new RunProgress(), stop.Token, default);

        Assert.True(result.Interrupted);
        Assert.Equal(model.Calls, sink.Committed.Count); // every request that started was finished and committed
        Assert.InRange(sink.Committed.Count, 301, 2_000);
        Assert.Equal(sink.Committed.Count, sink.Committed.Select(i => i.Sample.Id).Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_StopWithFullQueue_QueuedItemsAreNotSent()
    {
        using var stop = new CancellationTokenSource();
        var release = new TaskCompletionSource();
        var model = new FakeInvoker("m", 2)
        {
            Respond = async (s, _) =>
            {
                if (s.Prompt == "prompt 0")
                {
                    await stop.CancelAsync();
                    release.SetResult();
                }

                await release.Task;
                return (ResponseStatus.Answered, "ok");
            },
        };
        var sink = new RecordingSink();

        var result = await Engine(capacity: 64).RunAsync(Plan(1_000, sink, null, model), new RunProgress(), stop.Token, default);

        Assert.True(result.Interrupted);
        Assert.InRange(model.Calls, 1, 2); // only the requests already in flight
        Assert.Equal(model.Calls, sink.Committed.Count);
        Assert.True(result.Abandoned > 0);
    }

    [Fact]
    public async Task RunAsync_Abort_CancelsInFlightAndCommitsOnlyFinishedItems()
    {
        using var abort = new CancellationTokenSource();
        using var stop = new CancellationTokenSource();
        var sink = new RecordingSink();
        var model = new FakeInvoker("m", 4)
        {
            Respond = async (s, ct) =>
            {
                if (s.Prompt == "prompt 50")
                {
                    // Items 0..47 have answered; let them reach the sink before the abort, so that
                    // "finished" is a fact and not a race with the abort.
                    SpinWait.SpinUntil(() => sink.Written >= 48, TimeSpan.FromSeconds(10));
                    await stop.CancelAsync();
                    await abort.CancelAsync();
                }

                if (int.Parse(s.Prompt[7..]) >= 48)
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }

                return (ResponseStatus.Answered, "ok");
            },
        };

        var result = await Engine().RunAsync(Plan(1_000, sink, null, model), new RunProgress(), stop.Token, abort.Token);

        Assert.True(result.Interrupted);
        Assert.True(result.Abandoned >= 1);
        Assert.All(sink.Committed, i => Assert.True(int.Parse(i.Sample.Prompt[7..]) < 48));
        Assert.Equal(48, sink.Committed.Count);
    }

    [Fact]
    public async Task RunAsync_SystemicFailureInInvoker_StopsTheRunWithoutErrorRows()
    {
        var model = new FakeInvoker("m", 4)
        {
            Respond = (s, _) => s.Prompt == "prompt 200"
                ? throw new SystemicFailureException("response cache failed")
                : Task.FromResult((ResponseStatus.Answered, (string?)"ok")),
        };
        var sink = new RecordingSink();

        var error = await Assert.ThrowsAsync<SystemicFailureException>(
            () => Engine(commitEvery: 50).RunAsync(Plan(5_000, sink, null, model), new RunProgress(), default, default));

        Assert.Contains("response cache failed", error.Message);
        Assert.DoesNotContain(sink.Committed, i => i.Response.Status != ResponseStatus.Answered);
        Assert.True(model.Calls < 5_000);
    }

    [Fact]
    public async Task RunAsync_GeneratorFails_CommitsEvaluatedItemsThenThrows()
    {
        var task = new CountingTask { FailAtIndex = 120, FailAfter = new FileNotFoundException("font missing", "data/fonts/x.ttf") };
        var sink = new RecordingSink();

        await Assert.ThrowsAsync<FileNotFoundException>(
            () => Engine(commitEvery: 1_000).RunAsync(Plan(task, 500, sink, null, new FakeInvoker("m", 4)), new RunProgress(), default, default));

        Assert.Equal(120, sink.Committed.Count);
    }
}
