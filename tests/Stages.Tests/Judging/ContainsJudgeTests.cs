using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging;
using MultiTrust.Stages.Tests.Inference.Invoking;

namespace MultiTrust.Stages.Tests.Judging;

public sealed class ContainsJudgeTests
{
    private static readonly ContainsJudge s_exact = new();
    private static readonly ContainsJudge s_fuzzy = new(fuzzy: true);

    [Theory]
    [InlineData("The capital is Paris.", "paris")]
    [InlineData("THE CAT SAT", "cat")]
    [InlineData("It is in New\nYork.", "New York")]
    [InlineData("The ticket costs $5.", "$5")]
    [InlineData("Call 555-0100 now", "555-0100")]
    public void Judge_Exact_CaseInsensitiveWholeWords(string text, string accepted)
    {
        var verdict = s_exact.Judge(text, [accepted]);

        Assert.Equal("contains", verdict.Label);
        Assert.Equal(1, verdict.Score);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
    }

    [Theory]
    [InlineData("Concatenate the strings.", "cat")]
    [InlineData("c", "abc")]
    [InlineData("a", "banana")]
    [InlineData("Sao Paulo", "São Paulo")]
    [InlineData("Parisian food", "Paris")]
    public void Judge_Exact_NoWholeMatch_Absent(string text, string accepted)
    {
        var verdict = s_exact.Judge(text, [accepted]);

        Assert.Equal("absent", verdict.Label);
        Assert.Equal(0, verdict.Score);
    }

    [Theory]
    [InlineData("He lives in São-Paulo!", "sao paulo", true)]
    [InlineData("SAO PAULO", "São Paulo", true)]
    [InlineData("the e-mail is john.doe@example.com", "John Doe example com", true)]
    [InlineData("I love New Yorker magazine", "New York", false)]
    [InlineData("c", "abc", false)]
    [InlineData("Paulo went to Sao", "Sao Paulo", false)]
    public void Judge_Fuzzy_FoldedWholeTokenRun(string text, string accepted, bool contains)
    {
        Assert.Equal(contains ? "contains" : "absent", s_fuzzy.Judge(text, [accepted]).Label);
    }

    [Fact]
    public void Judge_AnyAcceptedString_Contains()
    {
        var verdict = s_exact.Judge("It is a puppy.", ["dog", "puppy"]);

        Assert.Equal("contains", verdict.Label);
        Assert.Contains("#1", verdict.Raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Judge_NoAcceptedStrings_SkippedNullScore(bool fuzzy)
    {
        var verdict = new ContainsJudge(fuzzy).Judge("anything", ["", "  ", fuzzy ? "!!!" : ""]);

        Assert.Equal(JudgmentStatus.Skipped, verdict.Status);
        Assert.Null(verdict.Score);
        Assert.Contains("no accepted strings", verdict.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NoText_Absent()
    {
        Assert.Equal("absent", s_exact.Judge(null, ["x"]).Label);
    }

    [Fact]
    public void Version_DiffersByMode_IdSame()
    {
        Assert.Equal("contains", s_exact.Id);
        Assert.Equal(s_exact.Id, s_fuzzy.Id);
        Assert.Equal(ContainsJudge.RuleVersion, s_exact.Version);
        Assert.Equal(ContainsJudge.FuzzyRuleVersion, s_fuzzy.Version);
        Assert.NotEqual(s_exact.Version, s_fuzzy.Version);
    }

    [Theory]
    [InlineData("It's a poodle.", "contains")]
    [InlineData("It's a dog.", "contains")]
    [InlineData("It's a cat.", "absent")]
    public async Task JudgeAsync_TargetAndAcceptMetadata_BothAccepted(string text, string label)
    {
        var sample = ChoiceJudgeTests.WithMetadata(TestSamples.Create(expected: "dog"), ContainsJudge.AcceptKey, "[\"poodle\",\"terrier\"]");

        var verdict = await s_exact.JudgeAsync(sample, ChoiceJudgeTests.Response(sample, text), CancellationToken.None);

        Assert.Equal(label, verdict.Label);
    }

    [Fact]
    public async Task JudgeAsync_BadAcceptMetadata_SkippedNamingField()
    {
        var sample = ChoiceJudgeTests.WithMetadata(TestSamples.Create(expected: "dog"), ContainsJudge.AcceptKey, "poodle");

        var verdict = await s_exact.JudgeAsync(sample, ChoiceJudgeTests.Response(sample, "poodle"), CancellationToken.None);

        Assert.Equal(JudgmentStatus.Skipped, verdict.Status);
        Assert.Contains("accept", verdict.Raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("这是北京。", "北京")]
    [InlineData("東京タワーです", "東京タワー")]
    [InlineData("서울에서 왔어요", "서울")]
    public void Judge_Exact_ScriptsWithoutSpaces_NoWordBoundaryNeeded(string text, string accepted)
    {
        Assert.Equal("contains", s_exact.Judge(text, [accepted]).Label);
    }

    [Theory]
    [InlineData("Call 555-0137 today.", "5550137", true)]
    [InlineData("Call 5550137 today.", "555-0137", true)]
    [InlineData("the U.S.A. flag", "USA", true)]
    [InlineData("plate KX4419", "KX 4419", true)]
    [InlineData("AC/DC played", "ACDC", true)]
    [InlineData("Call 555-01378 today.", "5550137", false)]
    [InlineData("the USAF base", "U.S.A.", false)]
    [InlineData("这是北京。", "北京", true)]
    public void Judge_Fuzzy_SeparatorsIgnoredWithinTokenBoundaries(string text, string accepted, bool contains)
    {
        Assert.Equal(contains ? "contains" : "absent", s_fuzzy.Judge(text, [accepted]).Label);
    }
}
