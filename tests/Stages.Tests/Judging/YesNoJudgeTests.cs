using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging;

namespace MultiTrust.Stages.Tests.Judging;

public sealed class YesNoJudgeTests
{
    [Theory]
    [InlineData("Yes")]
    [InlineData("Yes.")]
    [InlineData("yes, the cat is on the mat.")]
    [InlineData("[Yes]")]
    [InlineData("**Yes**, there is a dog next to the bench.")]
    [InlineData("Answer: yes")]
    [InlineData("**Answer:** [Yes]")]
    [InlineData("The answer is yes.")]
    [InlineData("Based on the image, yes, the statement holds.")]
    [InlineData("Yeah, that's right.")]
    [InlineData("\"Yes\" - the sign reads STOP.")]
    [InlineData("[Yes] or [No]? [Yes]")]
    [InlineData("Yes, it is consistent with the image.")]
    [InlineData("Correct.")]
    [InlineData("Absolutely! The car is red.")]
    [InlineData("The statement is correct.")]
    [InlineData("That's true: the clock shows three o'clock.")]
    [InlineData("I agree with the statement.")]
    [InlineData("The description matches with the picture; it is accurate.")]
    public void Judge_AffirmativeAnswer_Yes(string text)
    {
        var verdict = YesNoJudge.Judge(text, expected: "Yes");

        Assert.Equal("yes", verdict.Label);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
        Assert.Equal(1, verdict.Score);
    }

    [Theory]
    [InlineData("No")]
    [InlineData("No.")]
    [InlineData("No, there is no cat in the image.")]
    [InlineData("[No]")]
    [InlineData("**No.** The image shows a dog.")]
    [InlineData("Answer: No")]
    [InlineData("The answer is no.")]
    [InlineData("Nope.")]
    [InlineData("No it isn't.")]
    [InlineData("Based on the image, no.")]
    [InlineData("Is there a cat? No.")]
    [InlineData("Please directly answer [Yes] or [No]! No")]
    [InlineData("Not really, the sky is overcast.")]
    [InlineData("Absolutely not.")]
    [InlineData("Incorrect. The bus is yellow.")]
    [InlineData("The statement is not consistent with the image.")]
    [InlineData("This isn't correct; the bottle is empty.")]
    [InlineData("The claim is false.")]
    [InlineData("It does not match the picture.")]
    [InlineData("The statement is inconsistent with what is shown.")]
    public void Judge_NegativeAnswer_No(string text)
    {
        var verdict = YesNoJudge.Judge(text, expected: "No");

        Assert.Equal("no", verdict.Label);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
        Assert.Equal(1, verdict.Score);
    }

    [Theory]
    [InlineData("I'd say no - the horse is brown.", "no")]
    [InlineData("I would say yes, since the road is wet.", "yes")]
    [InlineData("Probably not. The sky looks overcast.", "no")]
    [InlineData("I don't think so.", "no")]
    [InlineData("I think so. The lights are on.", "yes")]
    [InlineData("Negative. There are no people in the boat.", "no")]
    [InlineData("Affirmative, it is a church.", "yes")]
    [InlineData("The girl's eyes are open. So yes, she is awake.", "yes")]
    [InlineData("There is no cat in the room. So no.", "no")]
    [InlineData("{\"answer\": \"No\"}", "no")]
    [InlineData("True \u2014 the laptop is open.", "yes")]
    [InlineData("It doesn't; the bottle has no label.", "no")]
    [InlineData("The answer is not yes; the bird is flying away.", "no")]
    public void Judge_HedgedOrTrailingOrStructuredAnswer_Extracted(string text, string label)
    {
        var verdict = YesNoJudge.Judge(text, expected: label);

        Assert.Equal(label, verdict.Label);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
    }

    [Theory]
    [InlineData("No, wait, it is yes. The cup is on the table.")]
    [InlineData("Yes, partly. But no, not entirely.")]
    [InlineData("Maybe yes, maybe no. The image is cropped.")]
    public void Judge_SelfCorrectionOrHedgeBetweenBoth_Ambiguous(string text)
    {
        Assert.Equal(JudgmentStatus.Ambiguous, YesNoJudge.Judge(text, expected: "yes").Status);
    }

    [Theory]
    [InlineData("not consistent")]
    [InlineData("The caption is not consistent with the photo.")]
    [InlineData("It isn't correct.")]
    [InlineData("The statement is not exactly accurate.")]
    [InlineData("It doesn't agree with the image.")]
    public void Judge_NegatedAgreement_NeverYes(string text)
    {
        var verdict = YesNoJudge.Judge(text, expected: "Yes");

        Assert.NotEqual("yes", verdict.Label);
        Assert.Equal(0, verdict.Score);
    }

    [Theory]
    [InlineData("Yes and no.")]
    [InlineData("Yes. Actually, the answer is no.")]
    [InlineData("[Yes] [No]")]
    [InlineData("No. Wait, yes.")]
    [InlineData("The statement is correct about the colour but not consistent with the background.")]
    [InlineData("Yes if you count the statue, no if you mean a living person.")]
    public void Judge_BothAnswers_AmbiguousWithoutScore(string text)
    {
        var verdict = YesNoJudge.Judge(text, expected: "Yes");

        Assert.Equal(JudgmentStatus.Ambiguous, verdict.Status);
        Assert.Null(verdict.Label);
        Assert.Null(verdict.Score);
    }

    [Theory]
    [InlineData("There is no bicycle in the photo.", null, "no")]
    [InlineData("I can't see any people here.", null, "no")]
    [InlineData("The picture doesn't show a bridge.", null, "no")]
    [InlineData("The boy is not wearing a hat.", "Is the boy wearing a hat?", "no")]
    [InlineData("The boy is wearing a hat.", "Is the boy wearing a hat?", "yes")]
    [InlineData("I can see a kite above the trees.", "Question: is there a kite in the sky? Answer yes or no.", "yes")]
    [InlineData("A kite is flying above the trees.", "Is there a kite in the sky?", "yes")]
    public void Judge_AnswerStatedAsASentence_ReadFromTheSentence(string text, string? prompt, string expected)
    {
        var verdict = YesNoJudge.Judge(text, expected, prompt);

        Assert.Equal((expected, JudgmentStatus.Ok, 1.0), (verdict.Label, verdict.Status, verdict.Score));
    }

    [Theory]
    [InlineData("The boy is wearing a hat.", null)]
    [InlineData("The room has a lamp.", "Is there a television in the room?")]
    [InlineData("The sky is clear.", "Is the boy wearing a hat?")]
    public void Judge_SentenceThatDoesNotAnswerTheQuestion_Unparseable(string text, string? prompt)
    {
        Assert.Equal(JudgmentStatus.Unparseable, YesNoJudge.Judge(text, "yes", prompt).Status);
    }

    [Theory]
    [InlineData("Yes? I really can't tell.")]
    [InlineData("Yes or no? Difficult to say.")]
    [InlineData("No? Maybe? The photo is too dark.")]
    public void Judge_YesOrNoAsAQuestion_NotAnAnswer(string text)
    {
        var verdict = YesNoJudge.Judge(text, "yes");

        Assert.Equal(JudgmentStatus.Unparseable, verdict.Status);
        Assert.Equal(0, verdict.Score);
    }

    [Theory]
    [InlineData("Sí, claro.", "yes")]
    [InlineData("Oui.", "yes")]
    [InlineData("Nein, das stimmt nicht.", "no")]
    [InlineData("Não.", "no")]
    [InlineData("Да, это так.", "yes")]
    [InlineData("Нет.", "no")]
    [InlineData("是的，有。", "yes")]
    [InlineData("没有。", "no")]
    [InlineData("はい、そうです。", "yes")]
    [InlineData("아니요.", "no")]
    public void Judge_LeadingYesOrNoInAnotherLanguage_Read(string text, string expected)
    {
        Assert.Equal(expected, YesNoJudge.Judge(text, expected).Label);
    }

    [Theory]
    [InlineData("The image shows a cat sitting on a red sofa.")]
    [InlineData("No one is in the picture.")]
    [InlineData("No doubt the sky is blue.")]
    [InlineData("Yesterday it rained.")]
    [InlineData("The eyes are closed.")]
    [InlineData("Nothing is on the table.")]
    [InlineData("Noted. The sign is partially hidden.")]
    [InlineData("I cannot determine that from the image.")]
    [InlineData("Please directly answer [Yes] or [No]!")]
    public void Judge_NoAnswer_UnparseableScoredZero(string text)
    {
        var verdict = YesNoJudge.Judge(text, expected: "No");

        Assert.Equal(JudgmentStatus.Unparseable, verdict.Status);
        Assert.Null(verdict.Label);
        Assert.Equal(0, verdict.Score);
    }

    [Theory]
    [InlineData("Yes.", "yes", 1)]
    [InlineData("Yes.", "No", 0)]
    [InlineData("No.", "[No]", 1)]
    [InlineData("No.", " NO ", 1)]
    [InlineData("No.", "Yes", 0)]
    public void Judge_Expected_CaseInsensitiveComparison(string text, string expected, double score)
    {
        Assert.Equal(score, YesNoJudge.Judge(text, expected).Score);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("blue")]
    public void Judge_ExpectedNotYesNo_NullScoreWithReason(string? expected)
    {
        var verdict = YesNoJudge.Judge("Yes.", expected);

        Assert.Equal("yes", verdict.Label);
        Assert.Null(verdict.Score);
        Assert.Contains("not yes/no", verdict.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NoText_Unparseable()
    {
        var verdict = YesNoJudge.Judge("  ", "Yes");

        Assert.Equal(JudgmentStatus.Unparseable, verdict.Status);
        Assert.Equal(0, verdict.Score);
    }

    [Fact]
    public async Task JudgeAsync_UsesSampleExpected()
    {
        var judge = new YesNoJudge();
        var sample = Inference.Invoking.TestSamples.Create(expected: "No");
        var response = new ModelResponse(sample.Id, "clean", "m", "t", "h", ResponseStatus.Answered, "[No]", "stop", null, 1, null, null, 1, false, "");

        var verdict = await judge.JudgeAsync(sample, response, CancellationToken.None);

        Assert.Equal("yesno", judge.Id);
        Assert.Equal("yesno-rules/3", judge.Version);
        Assert.Equal(1, verdict.Score);
    }
}
