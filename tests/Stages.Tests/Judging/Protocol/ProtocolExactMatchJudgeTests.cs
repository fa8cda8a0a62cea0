using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging.Protocol;

namespace MultiTrust.Stages.Tests.Judging.Protocol;

public sealed class ProtocolExactMatchJudgeTests
{
    [Theory]
    [InlineData("Cat.\n", "cat", 1)]
    [InlineData("\nX-ray.\n\n", "x-ray", 1)]
    [InlineData("Pneumonia<\\s>", "pneumonia", 1)]
    [InlineData("A.B.C.", "ABC", 1)]
    [InlineData(" cat", "cat", 0)]
    [InlineData("cat\r\n", "cat", 0)]
    [InlineData("cat.", "Cat.", 0)]
    [InlineData("a cat", "cat", 0)]
    public void Judge_ReferenceNormalisation_Score(string text, string expected, double score)
    {
        var verdict = ProtocolExactMatchJudge.Judge(text, expected);

        Assert.Equal(score, verdict.Score);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
    }

    [Fact]
    public void Judge_NoExpected_Skipped()
    {
        Assert.Equal(JudgmentStatus.Skipped, ProtocolExactMatchJudge.Judge("cat", null).Status);
    }
}
