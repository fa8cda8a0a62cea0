using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Engine.Tests.Fakes;

namespace MultiTrust.Engine.Tests;

/// <summary>Committed results judged again: the model is not called and only re-decided steps get new rows.</summary>
public sealed class EvaluationEngineRejudgeTests
{
    [Fact]
    public async Task RunAsync_CommittedJudgeErrors_JudgedAgainWithoutCallingTheModel()
    {
        var task = new CountingTask();
        var samples = await SamplesAsync(task, 20);
        var harm = new GatedModelJudge("harmful", "harmbench", 4);
        var copy = new CopyStep("copy", "echo");
        IReadOnlyList<IJudge> chain = [new EchoJudge(), harm, copy];
        // Five committed results whose echo step failed (so did copy, which reads it); harmful was decided.
        var committed = samples.Take(5).Select(s => Committed(s, ("echo", JudgmentStatus.JudgeError, 0), ("harmful", JudgmentStatus.Ok, 0), ("copy", JudgmentStatus.JudgeError, 2)));
        var model = new FakeInvoker("m", 4);
        var sink = new RecordingSink();
        var plan = new EnginePlan(
            [new PlannedTask(task, 20, chain)], [model], 7, new NullBlobStore(), new KeySet(samples.Select(s => (s.Id, "clean", "m"))), sink)
        {
            Rejudge = new CommittedSet(RejudgeSelection.Errors, committed),
        };
        var progress = new RunProgress();

        var result = await new EvaluationEngine(new EngineOptions { QueueCapacity = 4 }, TimeProvider.System).RunAsync(plan, progress, default, default);

        Assert.Equal(0, model.Calls);
        Assert.Equal(0, harm.Calls); // its committed verdict stands
        Assert.Equal((0L, 5L, 5L), (result.Written, result.Rejudged, progress.Rejudged));
        Assert.Equal(5, sink.Committed.Count);
        Assert.All(sink.Committed, item =>
        {
            Assert.True(item.JudgmentsOnly);
            Assert.False(item.WriteSampleRow);
            Assert.Equal(
                [("echo", JudgmentStatus.Ok, 1, "committed answer"), ("copy", JudgmentStatus.Ok, 3, "committed answer")],
                item.Judgments.Select(j => (j.JudgeId, j.Status, j.Revision, j.Label)));
        });
    }

    [Fact]
    public async Task RunAsync_SelectedStepDecidedTheSameAgain_StepsReadingItKeepTheirRows()
    {
        var task = new CountingTask();
        var samples = await SamplesAsync(task, 3);
        var copy = new CopyStep("copy", "echo");
        IReadOnlyList<IJudge> chain = [new EchoJudge(), copy];
        var committed = samples.Select(s => Committed(s, ("echo", JudgmentStatus.Ok, 0), ("copy", JudgmentStatus.Ok, 0)));
        var sink = new RecordingSink();
        var plan = new EnginePlan(
            [new PlannedTask(task, 3, chain)], [new FakeInvoker("m", 1)], 7, new NullBlobStore(), new KeySet(samples.Select(s => (s.Id, "clean", "m"))), sink)
        {
            Rejudge = new CommittedSet(new RejudgeSelection(false, new HashSet<string> { "echo" }), committed),
        };

        await new EvaluationEngine(new EngineOptions(), TimeProvider.System).RunAsync(plan, new RunProgress(), default, default);

        Assert.Equal(0, copy.Calls);
        Assert.All(sink.Committed, item => Assert.Equal([("echo", 1)], item.Judgments.Select(j => (j.JudgeId, j.Revision))));
    }

    private static CommittedResult Committed(Sample sample, params (string Step, JudgmentStatus Status, int Revision)[] steps)
    {
        var response = new ModelResponse(sample.Id, "clean", "m", sample.TaskId, "h", ResponseStatus.Answered, "committed answer", "stop", null,
            1, null, null, 1, false, "");
        // A decided echo verdict is what EchoJudge gives for the committed text; copy repeats it.
        var judgments = steps.ToDictionary(
            s => s.Step,
            s => new Judgment(sample.Id, "clean", "m", sample.TaskId, sample.Subset, s.Step, "1",
                s.Status == JudgmentStatus.Ok ? (s.Step == "harmful" ? "harmful" : "committed answer") : null,
                s.Status == JudgmentStatus.Ok ? 1 : null, s.Status,
                s.Status == JudgmentStatus.Ok ? (s.Step == "copy" ? "copy of echo: committed answer" : null) : "server down", null, s.Revision));
        return new CommittedResult(response, judgments);
    }

    private static async Task<List<Sample>> SamplesAsync(CountingTask task, int count)
    {
        var samples = new List<Sample>();
        await foreach (var s in task.GenerateAsync(new TaskGenerationContext(7, count, new NullBlobStore()), default))
        {
            samples.Add(s);
        }

        return samples;
    }
}
