using System.Collections.Immutable;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging;
using MultiTrust.Stages.Tests.Inference.Invoking;

namespace MultiTrust.Stages.Tests.Judging;

public sealed class ChoiceJudgeTests
{
    private static readonly string[] s_animals = ["Cat", "Dog", "Bird", "Fish"];

    [Theory]
    [InlineData("B")]
    [InlineData("B.")]
    [InlineData("(b)")]
    [InlineData("[B]")]
    [InlineData("b")]
    [InlineData("Answer: B")]
    [InlineData("**B.**")]
    [InlineData("Option B")]
    [InlineData("Option 2")]
    [InlineData("2.")]
    [InlineData("The answer is (b).")]
    [InlineData("I'd pick B because of the floppy ears.")]
    [InlineData("B is correct.")]
    [InlineData("- **B** (dog): it has floppy ears")]
    public void Judge_LetterOrNumber_ReadsOption(string text)
    {
        var verdict = ChoiceJudge.Judge(text, s_animals, expected: "B");

        Assert.Equal("B", verdict.Label);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
        Assert.Equal(1, verdict.Score);
    }

    [Theory]
    [InlineData("Dog")]
    [InlineData("dog.")]
    [InlineData("The answer is: DOG!")]
    [InlineData("It is a dog.")]
    [InlineData("I think it's a dog, judging by the ears.")]
    public void Judge_OptionText_ReadsOption(string text)
    {
        Assert.Equal("B", ChoiceJudge.Judge(text, s_animals, expected: "B").Label);
    }

    [Theory]
    [InlineData("A dog is sitting on the sofa.", "B")]
    [InlineData("A bird, perched on a branch.", "C")]
    [InlineData("The answer is A.", "A")]
    [InlineData("A. Cat", "A")]
    public void Judge_ArticleA_NotReadAsOptionA(string text, string label)
    {
        Assert.Equal(label, ChoiceJudge.Judge(text, s_animals, expected: null).Label);
    }

    [Fact]
    public void Judge_ArticleAWithoutOption_Unparseable()
    {
        var verdict = ChoiceJudge.Judge("A person is standing in a park.", s_animals, expected: "A");

        Assert.Equal(JudgmentStatus.Unparseable, verdict.Status);
        Assert.Null(verdict.Label);
        Assert.Equal(0, verdict.Score);
    }

    [Theory]
    [InlineData("(b) Dog... actually, looking again, C.", "C")]
    [InlineData("B. Wait, the ears are pointed: the answer is A.", "A")]
    [InlineData("The answer is D. Correction: the answer is C.", "C")]
    [InlineData("Dog. Actually, on second thought, it has feathers: bird.", "C")]
    [InlineData("My first thought was A, but my final answer is D.", "D")]
    public void Judge_SelfCorrection_LaterChoiceWins(string text, string label)
    {
        Assert.Equal(label, ChoiceJudge.Judge(text, s_animals, expected: null).Label);
    }

    [Theory]
    [InlineData("A. Cat\nB. Dog\nC. Bird\nD. Fish")]
    [InlineData("Options: A) Cat, B) Dog, C) Bird, D) Fish")]
    [InlineData("- Cat\n- Dog\n- Bird\n- Fish")]
    public void Judge_EchoedOptionList_Unparseable(string text)
    {
        Assert.Equal(JudgmentStatus.Unparseable, ChoiceJudge.Judge(text, s_animals, expected: "B").Status);
    }

    [Theory]
    [InlineData("A. Cat\nB. Dog\nC. Bird\nD. Fish\n\nThe answer is C.", "C")]
    [InlineData("A. Cat\n**B. Dog**\nC. Bird\nD. Fish", "B")]
    [InlineData("A. Cat\nB. Dog\nC. Bird ✓\nD. Fish", "C")]
    [InlineData("- Cat\n- Dog\n- Bird\n- Fish\n\nFish", "D")]
    public void Judge_EchoedListWithChoice_ReadsChoice(string text, string label)
    {
        Assert.Equal(label, ChoiceJudge.Judge(text, s_animals, expected: null).Label);
    }

    [Theory]
    [InlineData("A or B")]
    [InlineData("The answer is B or C.")]
    [InlineData("Either A or D.")]
    [InlineData("B/C")]
    [InlineData("B. Cat")]
    [InlineData("It could be a cat or a dog.")]
    [InlineData("The answer is A. The answer is B.")]
    public void Judge_SeveralOptions_AmbiguousWithoutScore(string text)
    {
        var verdict = ChoiceJudge.Judge(text, s_animals, expected: "A");

        Assert.Equal(JudgmentStatus.Ambiguous, verdict.Status);
        Assert.Null(verdict.Label);
        Assert.Null(verdict.Score);
    }

    [Theory]
    [InlineData("None of the above.")]
    [InlineData("The answer is F.")]
    [InlineData("It is not a cat.")]
    [InlineData("Cat or dog? Hard to say.")]
    [InlineData("I'm sorry, I can't see the image.")]
    [InlineData("")]
    public void Judge_NoChoice_Unparseable(string text)
    {
        Assert.Equal(JudgmentStatus.Unparseable, ChoiceJudge.Judge(text, s_animals, expected: "A").Status);
    }

    [Fact]
    public void Judge_NoneOfTheAboveIsAnOption_ReadsIt()
    {
        Assert.Equal("C", ChoiceJudge.Judge("None of the above.", ["Car", "Bus", "None of the above"], "C").Label);
    }

    [Theory]
    [InlineData("3", "B")]
    [InlineData("The answer is 4.", "C")]
    [InlineData("Option 3", "C")]
    [InlineData("(A) 2", "A")]
    public void Judge_NumericOptions_NumbersAreOptionTexts(string text, string label)
    {
        Assert.Equal(label, ChoiceJudge.Judge(text, ["2", "3", "4"], expected: null).Label);
    }

    [Theory]
    [InlineData("Dark red", "B")]
    [InlineData("Red.", "A")]
    [InlineData("The answer is dark red.", "B")]
    public void Judge_OptionInsideLongerOption_LongerWins(string text, string label)
    {
        Assert.Equal(label, ChoiceJudge.Judge(text, ["Red", "Dark red", "Pink"], expected: null).Label);
    }

    [Theory]
    [InlineData("B", 1)]
    [InlineData("(b)", 1)]
    [InlineData("dog", 1)]
    [InlineData("C", 0)]
    public void Judge_ExpectedLetterOrText_NormalisedToLetter(string expected, double score)
    {
        Assert.Equal(score, ChoiceJudge.Judge("The answer is B.", s_animals, expected).Score);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Z")]
    [InlineData("horse")]
    public void Judge_NoUsableExpected_NullScoreWithReason(string? expected)
    {
        var verdict = ChoiceJudge.Judge("B", s_animals, expected);

        Assert.Equal("B", verdict.Label);
        Assert.Null(verdict.Score);
        Assert.Contains("no score", verdict.Raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a a a a a")]
    [InlineData("a a. b? a a")]
    public void Judge_OverlappingOptionTexts_NeverThrows(string text)
    {
        var verdict = ChoiceJudge.Judge(text, ["a", "a a", "b"], "A");

        Assert.NotEqual(JudgmentStatus.Skipped, verdict.Status);
    }

    [Fact]
    public void Judge_AnswerBeyondJudgedHead_Ignored()
    {
        // 20,000 = JudgeText.MaxJudgedChars.
        var text = new string('x', 20_000) + " The answer is B.";

        Assert.Equal(JudgmentStatus.Unparseable, ChoiceJudge.Judge(text, s_animals, "B").Status);
    }

    [Fact]
    public async Task JudgeAsync_OptionsFromMetadata_Judged()
    {
        var judge = new ChoiceJudge();
        var sample = WithMetadata(TestSamples.Create(expected: "C"), "options", "[\"Cat\",\"Dog\",\"Bird\"]");

        var verdict = await judge.JudgeAsync(sample, Response(sample, "Bird"), CancellationToken.None);

        Assert.Equal("choice", judge.Id);
        Assert.Equal(ChoiceJudge.RuleVersion, judge.Version);
        Assert.Equal("C", verdict.Label);
        Assert.Equal(1, verdict.Score);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not json")]
    [InlineData("{\"a\":1}")]
    [InlineData("[1,2]")]
    public async Task JudgeAsync_MissingOrBadOptions_SkippedNamingField(string? options)
    {
        var sample = TestSamples.Create(expected: "A");
        if (options is not null)
        {
            sample = WithMetadata(sample, "options", options);
        }

        var verdict = await new ChoiceJudge().JudgeAsync(sample, Response(sample, "A"), CancellationToken.None);

        Assert.Equal(JudgmentStatus.Skipped, verdict.Status);
        Assert.Null(verdict.Score);
        Assert.Contains("options", verdict.Raw, StringComparison.Ordinal);
    }

    internal static Sample WithMetadata(Sample sample, string key, string value) =>
        sample with { Metadata = ImmutableDictionary<string, string>.Empty.Add(key, value) };

    internal static ModelResponse Response(Sample sample, string text) =>
        new(sample.Id, "clean", "m", "t", "h", ResponseStatus.Answered, text, "stop", null, 1, null, null, 1, false, "");
}
