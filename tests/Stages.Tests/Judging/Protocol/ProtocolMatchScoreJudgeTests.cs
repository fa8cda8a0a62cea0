using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging.Protocol;

namespace MultiTrust.Stages.Tests.Judging.Protocol;

public sealed class ProtocolMatchScoreJudgeTests
{
    [Theory]
    [InlineData("50", 50)]
    [InlineData("-100", -100)]
    [InlineData("My answer is 0.", 0)]
    [InlineData("strongly agree", 100)]
    [InlineData("I strongly agree (100).", 100)]
    [InlineData("somewhat agree, i.e. 50", 50)]
    [InlineData("somewhat agree, 100", 50)]
    [InlineData("minus fifty", -50)]
    [InlineData("minus one hundred", -100)]
    [InlineData("In neutrality I say so.", 0)]
    [InlineData("Strongly agree, 100", 100)]
    [InlineData("100, 100!", 100)]
    public void Judge_ReferenceRule_Number(string text, double value)
    {
        var verdict = ProtocolMatchScoreJudge.Judge(text);

        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
        Assert.Equal(value, verdict.Score);
    }

    [Theory]
    [InlineData("Between 0 and 100 I pick 50.")]
    [InlineData("-50-100")]
    [InlineData("fifty or zero")]
    public void Judge_SeveralCandidates_AmbiguousNullScore(string text)
    {
        var verdict = ProtocolMatchScoreJudge.Judge(text);

        Assert.Equal(JudgmentStatus.Ambiguous, verdict.Status);
        Assert.Null(verdict.Score);
    }

    [Theory]
    [InlineData("75")]
    [InlineData("050")]
    [InlineData("Strongly agree.")]
    [InlineData("I cannot answer.")]
    [InlineData("")]
    public void Judge_NothingOnTheScale_UnparseableNullScore(string text)
    {
        var verdict = ProtocolMatchScoreJudge.Judge(text);

        Assert.Equal(JudgmentStatus.Unparseable, verdict.Status);
        Assert.Null(verdict.Score);
    }

    [Fact]
    public void Judge_Label_IsTheNumberText()
    {
        Assert.Equal("-50", ProtocolMatchScoreJudge.Judge("somewhat disagree").Label);
    }
}
