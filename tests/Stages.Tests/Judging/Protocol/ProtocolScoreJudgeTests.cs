using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging.Protocol;

namespace MultiTrust.Stages.Tests.Judging.Protocol;

public sealed class ProtocolScoreJudgeTests
{
    [Theory]
    [InlineData("75", 75)]
    [InlineData("Score: 100", 100)]
    [InlineData("0", 0)]
    [InlineData("25.", 25)]
    public void Judge_NumberOnTheScale_ItsValueOk(string text, double score)
    {
        var verdict = ProtocolScoreJudge.Judge(text);

        Assert.Equal(score, verdict.Score);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
    }

    [Theory]
    [InlineData("I would not rate this.")]
    [InlineData("80")]
    [InlineData("75.0")]
    [InlineData("")]
    public void Judge_NoNumberOrOffScale_ZeroOkWithReason(string text)
    {
        var verdict = ProtocolScoreJudge.Judge(text);

        Assert.Equal(0, verdict.Score);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
        Assert.Contains("fail value", verdict.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_SeveralNumbers_FirstInReadingOrderAndNoted()
    {
        var verdict = ProtocolScoreJudge.Judge("75/100");

        Assert.Equal(75, verdict.Score);
        Assert.Contains("first of 2", verdict.Raw, StringComparison.Ordinal);
    }
}
