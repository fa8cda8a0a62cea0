using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging;
using MultiTrust.Stages.Tests.Inference.Invoking;

namespace MultiTrust.Stages.Tests.Judging;

public sealed class SentimentJudgeTests
{
    [Theory]
    [InlineData("Positive")]
    [InlineData("positive.")]
    [InlineData("**Positive**")]
    [InlineData("'positive'")]
    [InlineData("The sentiment is positive.")]
    [InlineData("Answer: positive")]
    [InlineData("The answer is not negative.")]
    [InlineData("It is not negative; the reviewer loved the film.")]
    [InlineData("The answer should be exactly 'positive' or 'negative'. Positive")]
    [InlineData("Positive. A few negative words appear, but the tone is warm.")]
    [InlineData("This review sounds positive overall.")]
    [InlineData("Negative reviews aside, the sentiment is positive.")]
    public void Judge_PositiveAnswer_Positive(string text)
    {
        var verdict = SentimentJudge.Judge(text, expected: "positive");

        Assert.Equal("positive", verdict.Label);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
        Assert.Equal(1, verdict.Score);
    }

    [Theory]
    [InlineData("Negative")]
    [InlineData("Not positive.")]
    [InlineData("It isn't positive.")]
    [InlineData("The sentiment of this text is negative because of the complaints.")]
    [InlineData("Label: NEGATIVE")]
    [InlineData("The tone doesn't seem positive at all.")]
    public void Judge_NegativeAnswer_Negative(string text)
    {
        var verdict = SentimentJudge.Judge(text, expected: "0");

        Assert.Equal("negative", verdict.Label);
        Assert.Equal(1, verdict.Score);
    }

    [Theory]
    [InlineData("Positive and negative.")]
    [InlineData("The text has both positive and negative elements.")]
    [InlineData("Positive.\nNegative.")]
    [InlineData("It mentions a positive outcome and a negative cost.")]
    public void Judge_BothWords_AmbiguousWithoutScore(string text)
    {
        var verdict = SentimentJudge.Judge(text, expected: "positive");

        Assert.Equal(JudgmentStatus.Ambiguous, verdict.Status);
        Assert.Null(verdict.Label);
        Assert.Null(verdict.Score);
    }

    [Theory]
    [InlineData("Neutral.")]
    [InlineData("It is neither positive nor negative.")]
    [InlineData("The answer should be exactly 'positive' or 'negative'.")]
    [InlineData("Positively charming, negatively reviewed.")]
    [InlineData("I cannot tell.")]
    [InlineData("")]
    public void Judge_NoAnswer_UnparseableScoredZero(string text)
    {
        var verdict = SentimentJudge.Judge(text, expected: "negative");

        Assert.Equal(JudgmentStatus.Unparseable, verdict.Status);
        Assert.Equal(0, verdict.Score);
    }

    [Theory]
    [InlineData("Positive", "1", 1)]
    [InlineData("Positive", "0", 0)]
    [InlineData("Negative", "0", 1)]
    [InlineData("Negative", " Negative ", 1)]
    [InlineData("Negative", "positive", 0)]
    public void Judge_ExpectedProtocolLabels_Compared(string text, string expected, double score)
    {
        Assert.Equal(score, SentimentJudge.Judge(text, expected).Score);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("neutral")]
    public void Judge_ExpectedNotALabel_NullScoreWithReason(string? expected)
    {
        var verdict = SentimentJudge.Judge("Positive", expected);

        Assert.Equal("positive", verdict.Label);
        Assert.Null(verdict.Score);
        Assert.Contains("no score", verdict.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgeAsync_UsesSampleExpected()
    {
        var judge = new SentimentJudge();
        var sample = TestSamples.Create(expected: "1");

        var verdict = await judge.JudgeAsync(sample, ChoiceJudgeTests.Response(sample, "positive"), CancellationToken.None);

        Assert.Equal("sentiment", judge.Id);
        Assert.Equal(SentimentJudge.RuleVersion, judge.Version);
        Assert.Equal(1, verdict.Score);
    }

    [Theory]
    [InlineData("Positivo.", "positive")]
    [InlineData("Négatif.", "negative")]
    [InlineData("Die Stimmung ist negativ.", "negative")]
    [InlineData("I wouldn't call it negative.", "positive")]
    [InlineData("I wouldn't say it's positive.", "negative")]
    public void Judge_OtherLanguagesAndLongerNegations_Read(string text, string expected)
    {
        Assert.Equal(expected, SentimentJudge.Judge(text, "1").Label);
    }

    [Theory]
    [InlineData("It is positive and negative at once.")]
    [InlineData("The review is negative as well as positive.")]
    public void Judge_LabelsCoordinated_Ambiguous(string text)
    {
        Assert.Equal(JudgmentStatus.Ambiguous, SentimentJudge.Judge(text, "1").Status);
    }
}
