using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging.Protocol;

namespace MultiTrust.Stages.Tests.Judging.Protocol;

public sealed class ProtocolContainExactJudgeTests
{
    [Theory]
    [InlineData("Positive.", "1", "positive", 1)]
    [InlineData("positive", "0", "positive", 0)]
    [InlineData("The sentiment is NEGATIVE", "0", "negative", 1)]
    [InlineData("It is non-negative.", "0", "negative", 1)]
    [InlineData("Positive, not negative.", "1", "both", 0)]
    [InlineData("Neutral.", "1", "neither", 0)]
    [InlineData("", "0", "neither", 0)]
    public void Judge_ReferenceRule_LabelAndScore(string text, string expected, string label, double score)
    {
        var verdict = ProtocolContainExactJudge.Judge(text, expected);

        Assert.Equal(label, verdict.Label);
        Assert.Equal(score, verdict.Score);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
    }

    [Theory]
    [InlineData("positive")]
    [InlineData(" 1")]
    [InlineData(null)]
    public void Judge_ExpectedNotOneOrZero_NullScore(string? expected)
    {
        var verdict = ProtocolContainExactJudge.Judge("positive", expected);

        Assert.Null(verdict.Score);
        Assert.Equal("positive", verdict.Label);
    }
}
