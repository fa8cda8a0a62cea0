using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging.Protocol;

namespace MultiTrust.Stages.Tests.Judging.Protocol;

public sealed class ProtocolYesNoJudgeTests
{
    [Theory]
    [InlineData("Yes, there is a cat.", "yes")]
    [InlineData(" yes", "yes")]
    [InlineData("[Yes]", "yes")]
    [InlineData("No, there is no yes-man here.", "no")]
    [InlineData("Nothing suggests a cat; yes, I'm sure.", "no")]
    [InlineData("Snow covers the yes sign.", "no")]
    [InlineData("The answer is not consistent with the image.", "yes")]
    [InlineData("They are the same.", "yes")]
    [InlineData("It is likely a cat.", "yes")]
    [InlineData("[There is a] cat.", "yes")]
    [InlineData("The answer: certainly YES.", "yes")]
    [InlineData("I cannot tell.", "no")]
    [InlineData("", "no")]
    public void Judge_ReferenceRules_Label(string text, string label)
    {
        var verdict = ProtocolYesNoJudge.Judge(text, "yes");

        Assert.Equal(label, verdict.Label);
        Assert.Equal(label == "yes" ? 1 : 0, verdict.Score);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
    }

    [Fact]
    public void Judge_YesAfterFirstFiveCharsAndNoInFirstFour_No()
    {
        // "no" is in the first 4 characters, so the later "yes" is never looked at.
        Assert.Equal("no", ProtocolYesNoJudge.Judge("Now yes", "no").Label);
    }

    [Fact]
    public void Judge_FirstCharactersCountedInCodePoints_AsPython()
    {
        // Python's [:4] of "😀 no, yes" is "😀 no" (4 code points); in UTF-16 units it would miss "no" and fall back to "yes".
        Assert.Equal("no", ProtocolYesNoJudge.Judge("\U0001F600 no, yes", "no").Label);
    }

    [Theory]
    [InlineData("No", 1)]
    [InlineData("[no]", 1)]
    [InlineData("NO.", 1)]
    [InlineData("yes", 0)]
    public void Judge_ExpectedNormalised_ScoredAgainstIt(string expected, double score)
    {
        Assert.Equal(score, ProtocolYesNoJudge.Judge("No, it is not.", expected).Score);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("maybe")]
    public void Judge_ExpectedNotYesNo_NullScoreWithReason(string? expected)
    {
        var verdict = ProtocolYesNoJudge.Judge("Yes.", expected);

        Assert.Equal("yes", verdict.Label);
        Assert.Null(verdict.Score);
        Assert.Contains("not yes/no", verdict.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void JudgeAsync_ReadsTargetExpected()
    {
        var verdict = ProtocolCases.Run(new ProtocolYesNoJudge(), "No.", expected: "no");

        Assert.Equal(1, verdict.Score);
    }
}
