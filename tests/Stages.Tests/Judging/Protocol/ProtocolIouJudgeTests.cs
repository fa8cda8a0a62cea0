using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging.Protocol;

namespace MultiTrust.Stages.Tests.Judging.Protocol;

public sealed class ProtocolIouJudgeTests
{
    private const string Truth = "[0.1, 0.1, 0.5, 0.5]";

    [Theory]
    [InlineData("'''[0.1, 0.1, 0.5, 0.5]'''")]
    [InlineData("'''\n[0.1, 0.1, 0.5, 0.5]\n'''")]
    [InlineData("[0.1,0.1,0.4,0.4]")]
    [InlineData("[1/10, 1/10, 1/2, 1/2]")]
    [InlineData("[1e-1, 0.1, .5, 5e-1]")]
    [InlineData("0.1, 0.1, 0.5, 0.5")]
    public void Judge_OverlapAboveHalf_Hit(string text)
    {
        var verdict = ProtocolIouJudge.Judge(text, Truth);

        Assert.Equal("hit", verdict.Label);
        Assert.Equal(1, verdict.Score);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
    }

    [Theory]
    [InlineData("[0, 0, 0.4, 0.4]")]
    [InlineData("[0,0,0,0]")]
    [InlineData("[0.6, 0.6, 0.9, 0.9]")]
    public void Judge_OverlapAtMostHalf_Miss(string text)
    {
        Assert.Equal("miss", ProtocolIouJudge.Judge(text, Truth).Label);
    }

    [Fact]
    public void Judge_IouExactlyHalf_Miss()
    {
        Assert.Equal(0, ProtocolIouJudge.Judge("[0, 0, 1, 0.5]", "[0, 0, 1, 1]").Score);
    }

    [Theory]
    [InlineData(" [0.1, 0.1, 0.5, 0.5]")]
    [InlineData("The box is [0.1, 0.1, 0.5, 0.5].")]
    [InlineData("[0.1, 0.1, 0.5]")]
    [InlineData("[0.1, 0.1, 0.5, 0.5, 0.9]")]
    [InlineData("")]
    public void Judge_NotFourNumbers_ZeroOkCounted(string text)
    {
        var verdict = ProtocolIouJudge.Judge(text, Truth);

        Assert.Equal("no-box", verdict.Label);
        Assert.Equal(0, verdict.Score);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
    }

    [Theory]
    [InlineData("[1_0, 2, 3, 4]", new[] { 10.0, 2, 3, 4 })]
    [InlineData("[ 1 , +2 , -3 , 4. ]", new[] { 1.0, 2, -3, 4 })]
    [InlineData("[1/2/3, 1/0, x, 4]", new[] { 4.0 })]
    [InlineData("[inf, 2]", new[] { double.PositiveInfinity, 2 })]
    [InlineData("[1__0, 1_, _1, 2]", new[] { 2.0 })]
    public void ParseBox_PythonFloatRules_Numbers(string text, double[] expected)
    {
        Assert.Equal(expected, ProtocolIouJudge.ParseBox(text));
    }

    [Fact]
    public void Judge_NanCoordinate_Miss()
    {
        Assert.Equal("miss", ProtocolIouJudge.Judge("[0.1, 0.1, nan, 0.5]", Truth).Label);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("(0.1, 0.1, 0.5, 0.5)")]
    [InlineData("[0.1, 0.1, 0.5]")]
    [InlineData("[\"0.1\", 0.1, 0.5, 0.5]")]
    public void Judge_MalformedTruth_Skipped(string? expected)
    {
        Assert.Equal(JudgmentStatus.Skipped, ProtocolIouJudge.Judge("[0.1, 0.1, 0.5, 0.5]", expected).Status);
    }
}
