using MultiTrust.Core.Records;
using MultiTrust.Stages.Aggregation;

namespace MultiTrust.Stages.Tests.Aggregation;

public sealed class RunStatusTallyTests
{
    private static ModelResponse Response(ResponseStatus status, int attempts = 1, bool cacheHit = false, string task = "t1-basic") =>
        new("s", "clean", "m", task, "h", status, status.HasText() ? "text" : null, null,
            status.HasText() ? null : "boom", 1, null, null, attempts, cacheHit, "");

    private static Judgment Judgment(JudgmentStatus status, string task = "t1-basic", string model = "m") =>
        new("s", "clean", model, task, "all", "yesno", "v1", null, null, status, null);

    [Fact]
    public void Add_Responses_CountsFailuresRetriesAndCacheHits()
    {
        var tally = new RunStatusTally();
        tally.Add(Response(ResponseStatus.Answered, attempts: 3, cacheHit: true));
        tally.Add(Response(ResponseStatus.Timeout, attempts: 4));
        tally.Add(Response(ResponseStatus.Timeout, task: "a-task"));
        tally.Add(Response(ResponseStatus.Error));

        Assert.Equal(4, tally.Responses);
        Assert.Equal(5, tally.RetryTotal);
        Assert.Equal(1, tally.CacheHits);
        Assert.Equal(
            [
                new StatusCount("m", "a-task", "timeout", 1),
                new StatusCount("m", "t1-basic", "error", 1),
                new StatusCount("m", "t1-basic", "timeout", 1),
            ],
            tally.Counts());
    }

    [Fact]
    public void Add_Judgments_CountsJudgeFailuresButNotSkippedOrOk()
    {
        var tally = new RunStatusTally();
        tally.Add(Judgment(JudgmentStatus.Ok));
        tally.Add(Judgment(JudgmentStatus.Skipped));
        tally.Add(Judgment(JudgmentStatus.Unparseable));
        tally.Add(Judgment(JudgmentStatus.Unparseable));
        tally.Add(Judgment(JudgmentStatus.JudgeError));

        Assert.Equal(
            [new StatusCount("m", "t1-basic", "judge_error", 1), new StatusCount("m", "t1-basic", "unparseable", 2)],
            tally.Counts());
    }

    [Fact]
    public void JudgedCounts_PerModelAndTask_AmbiguousOverEveryStatusButSkipped()
    {
        var tally = new RunStatusTally();
        tally.Add(Judgment(JudgmentStatus.Ok));
        tally.Add(Judgment(JudgmentStatus.Ambiguous));
        tally.Add(Judgment(JudgmentStatus.Unparseable));
        tally.Add(Judgment(JudgmentStatus.JudgeError));
        tally.Add(Judgment(JudgmentStatus.Skipped));
        tally.Add(Judgment(JudgmentStatus.Ambiguous, task: "a-task"));
        tally.Add(Judgment(JudgmentStatus.Ok, model: "b"));

        var counts = tally.JudgedCounts();

        Assert.Equal(
            [new JudgedCount("b", "t1-basic", 1, 0), new JudgedCount("m", "a-task", 1, 1), new JudgedCount("m", "t1-basic", 4, 1)],
            counts);
        Assert.Equal(0.25, counts[2].AmbiguousRate);
        Assert.Equal(0, counts[0].AmbiguousRate);
    }
}
