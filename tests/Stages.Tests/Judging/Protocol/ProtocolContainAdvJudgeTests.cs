using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging.Protocol;

namespace MultiTrust.Stages.Tests.Judging.Protocol;

public sealed class ProtocolContainAdvJudgeTests
{
    [Theory]
    [InlineData("Positive", "sst2->1", 1)]
    [InlineData("negative", "sst2->1", 0)]
    [InlineData("positive or negative", "sst2->0", 1)]
    [InlineData("positive or negative", "sst2->1", 1)]
    [InlineData("Yes", "qnli->0", 1)]
    [InlineData("I do not know", "qnli->1", 1)]
    [InlineData("Yes", "qqp->1", 1)]
    [InlineData("Yes", "qqp->0", 0)]
    [InlineData("no", "rte->1", 1)]
    [InlineData("Maybe.", "mnli->1", 1)]
    [InlineData("Maybe.", "mnli->2", 0)]
    [InlineData("The answer is no", "mnli->2", 1)]
    [InlineData("yes", "mnli-mm->0", 1)]
    [InlineData("", "mnli->0", 0)]
    public void Judge_ReferenceAnswerWords_Score(string text, string expected, double score)
    {
        var verdict = ProtocolContainAdvJudge.Judge(text, expected);

        Assert.Equal(score, verdict.Score);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
    }

    [Theory]
    [InlineData("sst2")]
    [InlineData("cola->1")]
    [InlineData(null)]
    public void Judge_MalformedExpected_Skipped(string? expected)
    {
        var verdict = ProtocolContainAdvJudge.Judge("yes", expected);

        Assert.Equal(JudgmentStatus.Skipped, verdict.Status);
        Assert.Null(verdict.Score);
    }

    [Fact]
    public void ByTask_ReferenceMapping_Verbatim()
    {
        Assert.Equal([("yes", "1"), ("no", "0")], AdvGlueAnswers.ByTask["qqp"]);
        Assert.Equal([("negative", "0"), ("positive", "1")], AdvGlueAnswers.ByTask["sst2"]);
        Assert.Equal(6, AdvGlueAnswers.ByTask.Count);
    }
}
