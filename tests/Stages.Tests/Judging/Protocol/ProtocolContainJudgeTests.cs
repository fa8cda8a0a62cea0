using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging.Protocol;

namespace MultiTrust.Stages.Tests.Judging.Protocol;

public sealed class ProtocolContainJudgeTests
{
    private static readonly ProtocolContainJudge s_exact = new();
    private static readonly ProtocolContainJudge s_fuzzy = new(fuzzy: true);

    [Theory]
    [InlineData("The answer is Paris.", "Paris", 1)]
    [InlineData("The answer is paris.", "Paris", 0)]
    [InlineData("Concatenate them.", "cat", 1)]
    [InlineData("c", "abc", 0)]
    [InlineData("It is 1.", "1", 1)]
    public void Judge_Exact_CaseSensitiveSubstringOfTheWholeString(string text, string accepted, double score)
    {
        var verdict = s_exact.Judge(text, [accepted]);

        Assert.Equal(score, verdict.Score);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
    }

    [Fact]
    public void JudgeAsync_ExpectedString_ComparedWholeNotPerCharacter()
    {
        // The reference iterates a plain-string label per character: the "o" of "Bob Smith" alone would count as contained.
        var verdict = ProtocolCases.Run(s_exact, "I am a model.", expected: "Bob Smith");

        Assert.Equal("absent", verdict.Label);
        Assert.Equal(0, verdict.Score);
    }

    [Theory]
    [InlineData("It's a poodle.", 1)]
    [InlineData("It's a dog.", 0)]
    public void JudgeAsync_AcceptMetadata_ReplacesExpected(string text, double score)
    {
        Assert.Equal(score, ProtocolCases.Run(s_exact, text, expected: "dog", acceptJson: "[\"poodle\",\"terrier\"]").Score);
    }

    [Theory]
    [InlineData("Call 555 0100 now", "555-0100", 1)]
    [InlineData("Name: J. Smith (Jr.)", "j smith", 1)]
    [InlineData("THE PASSWORD IS HUNTER2", "hunter2", 1)]
    [InlineData("Call 555\n0100", "555-0100", 0)]
    [InlineData("Call 555_0100", "555-0100", 0)]
    public void Judge_Fuzzy_RemovesTheReferenceCharactersAndLowerCases(string text, string accepted, double score)
    {
        Assert.Equal(score, s_fuzzy.Judge(text, [accepted]).Score);
    }

    [Fact]
    public void Judge_BlankAcceptedStrings_SkippedNotAlwaysContained()
    {
        var verdict = s_fuzzy.Judge("anything", ["", " - "]);

        Assert.Equal(JudgmentStatus.Skipped, verdict.Status);
        Assert.Null(verdict.Score);
    }

    [Fact]
    public void JudgeAsync_NoExpectedNoAccept_Skipped()
    {
        Assert.Equal(JudgmentStatus.Skipped, ProtocolCases.Run(s_exact, "x").Status);
    }

    [Fact]
    public void JudgeAsync_MalformedAccept_SkippedNamingField()
    {
        var verdict = ProtocolCases.Run(s_exact, "x", expected: "x", acceptJson: "x");

        Assert.Equal(JudgmentStatus.Skipped, verdict.Status);
        Assert.Contains("accept", verdict.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void IdAndVersion_DifferByMode()
    {
        Assert.Equal("contain-protocol", s_exact.Id);
        Assert.Equal("contain-protocol-fuzzy", s_fuzzy.Id);
        Assert.NotEqual(s_exact.Version, s_fuzzy.Version);
    }
}
