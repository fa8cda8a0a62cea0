using System.Collections.Immutable;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Core.Tests.Contracts;

public sealed class VerdictChainRunTests
{
    private static readonly Sample s_sample = new("s1", "t", "a", "A.1", "all", "p", [], SampleTarget.None, ImmutableDictionary<string, string>.Empty);

    private static ModelResponse Response(ResponseStatus status = ResponseStatus.Answered, string? text = "an answer") =>
        new("s1", "clean", "m", "t", "h", status, text, null, null, 1, null, null, 1, false, "");

    [Fact]
    public void TakeReady_IndependentSteps_HandedOutTogetherAndReadersWaitForTheirInputs()
    {
        IReadOnlyList<IJudge> chain = [new Fixed("a"), new Fixed("b"), new Reads("both", "a", "b"), new Fixed("c")];
        var run = new VerdictChainRun(chain, s_sample, Response());

        Assert.Equal([0, 1, 3], run.TakeReady());
        Assert.Empty(run.TakeReady()); // "both" waits for a and b; nothing is handed out twice
        run.Complete(0, Ok("a"));
        Assert.Empty(run.TakeReady());
        run.Complete(1, Ok("b"));
        Assert.Equal([2], run.TakeReady());
        run.Complete(2, Ok("both"));
        run.Complete(3, Ok("c"));

        Assert.True(run.IsComplete);
        Assert.Equal(["a", "b", "both", "c"], run.Verdicts.Select(v => v.Judge.Id));
    }

    [Fact]
    public void TakeReady_ResponseWithoutText_EveryStepSkippedWithoutRunning()
    {
        var run = new VerdictChainRun([new Fixed("a"), new Reads("r", "a")], s_sample, Response(ResponseStatus.Timeout, null));

        Assert.Empty(run.TakeReady());
        Assert.True(run.IsComplete);
        Assert.All(run.Verdicts, v => Assert.Equal(JudgmentStatus.Skipped, v.Verdict.Status));
    }

    [Fact]
    public async Task JudgeAsync_JudgeThrows_JudgeErrorVerdict()
    {
        var run = new VerdictChainRun([new Throws("x")], s_sample, Response());
        var step = Assert.Single(run.TakeReady());

        var verdict = await run.JudgeAsync(step, CancellationToken.None);

        Assert.Equal(JudgmentStatus.JudgeError, verdict.Status);
        Assert.Contains("server down", verdict.Raw);
    }

    [Fact]
    public void TakeReady_JudgingAgain_UnselectedStepsKeepTheirVerdictUnlessAnInputChanged()
    {
        IReadOnlyList<IJudge> chain = [new Fixed("a"), new Fixed("b"), new Reads("ra", "a"), new Reads("rb", "b")];
        var committed = new Dictionary<string, Judgment>
        {
            ["a"] = Row("a", JudgmentStatus.JudgeError, null),
            ["b"] = Row("b", JudgmentStatus.Ok, "b"),
            ["ra"] = Row("ra", JudgmentStatus.JudgeError, null),
            ["rb"] = Row("rb", JudgmentStatus.Ok, "rb"),
        };
        var run = new VerdictChainRun(chain, s_sample, Response(), committed, RejudgeSelection.Errors);

        Assert.Equal([0], run.TakeReady()); // b and rb stand
        run.Complete(0, Ok("a"));
        Assert.Equal([2], run.TakeReady()); // ra reads a, which changed
        run.Complete(2, Ok("ra"));

        Assert.True(run.IsComplete);
        Assert.Equal(["a", "ra"], run.Verdicts.Select(v => v.Judge.Id));
    }

    [Fact]
    public void Complete_StepNotHandedOut_Throws()
    {
        var run = new VerdictChainRun([new Fixed("a")], s_sample, Response());

        Assert.Throws<InvalidOperationException>(() => run.Complete(0, Ok("a")));
    }

    private static JudgeVerdict Ok(string label) => new(label, 1, JudgmentStatus.Ok, null);

    private static Judgment Row(string step, JudgmentStatus status, string? label) =>
        new("s1", "clean", "m", "t", "all", step, "1", label, label is null ? null : 1, status, null);

    private sealed class Fixed(string id) : IJudge
    {
        public string Id => id;

        public string Version => "1";

        public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken) => new(Ok(id));
    }

    private sealed class Throws(string id) : IJudge
    {
        public string Id => id;

        public string Version => "1";

        public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken) =>
            throw new HttpRequestException("server down");
    }

    private sealed class Reads(string id, params string[] inputs) : IVerdictStep
    {
        public string Id => id;

        public string Version => "1";

        public IReadOnlyList<string> Inputs => inputs;

        public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken) => new(Ok(id));

        public ValueTask<JudgeVerdict> JudgeAsync(
            Sample sample, ModelResponse response, IReadOnlyDictionary<string, JudgeVerdict> earlier, CancellationToken cancellationToken) => new(Ok(id));
    }
}
