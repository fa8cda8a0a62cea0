using MultiTrust.Sources.Synthetic.Robustness;
using MultiTrust.Sources.Text;

namespace MultiTrust.Sources.Tests.Synthetic;

public sealed class OodSentimentGeneratorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task GenerateAsync_FiveVariantsPerItem_SameSentenceAndLabel()
    {
        var generator = new OodSentimentGenerator(CrossModalTestKit.R3, CrossModalTestKit.Kit);

        var samples = await CrossModalTestKit.CollectAsync(generator, CrossModalTestKit.R3, 3, 20, _dir.Path);

        Assert.Equal(["text", "related-image", "unrelated-color", "unrelated-nature", "unrelated-noise"], samples.Take(5).Select(s => s.Subset));
        foreach (var item in samples.Chunk(5))
        {
            Assert.Single(item.Select(s => s.Prompt).Distinct());
            Assert.Single(item.Select(s => s.Target.Expected).Distinct());
            Assert.Empty(item[0].Images);
            Assert.Equal(512, item[1].Images.Single().Width); // the sentence as typography
            Assert.All(item[2..], s => Assert.Equal(4, s.Images.Single().Width)); // the kit's unrelated images
            Assert.Equal(3, item[2..].Select(s => s.Images[0].Sha256).Distinct().Count());
        }
    }

    [Fact]
    public async Task GenerateAsync_Prompt_IsTheProtocolsWithTheItemsSentence_LabelExact()
    {
        var generator = new OodSentimentGenerator(CrossModalTestKit.R3, CrossModalTestKit.Kit);

        var samples = await CrossModalTestKit.CollectAsync(generator, CrossModalTestKit.R3, 5, 50, _dir.Path);

        for (var i = 0; i < samples.Count; i++)
        {
            var (text, sentence) = generator.Item(5, i / 5);
            Assert.Equal(
                $"Please label the sentiment of the following text as positive or negative. The sentence is: {text} The answer should be exactly 'positive' or 'negative'.",
                samples[i].Prompt);
            Assert.Equal(sentence.Label, samples[i].Target.Expected);
            Assert.Equal(sentence.Label, samples[i].Target.Reference);
            Assert.Equal(OodSentimentGenerator.Styles[i / 5 % 5], samples[i].Metadata["style"]);
        }
    }

    [Fact]
    public void Item_Styles_AugmentIsPlainWithTypos_OthersVerbatim()
    {
        var generator = new OodSentimentGenerator(CrossModalTestKit.R3, CrossModalTestKit.Kit);

        for (var item = 0; item < 25; item++)
        {
            var (text, sentence) = generator.Item(1, item);
            var style = OodSentimentGenerator.Styles[item % 5];
            if (style == "augment")
            {
                Assert.Equal("plain", sentence.Style);
                Assert.StartsWith(sentence.Text + " <typos:2:", text, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(style, sentence.Style);
                Assert.Equal(sentence.Text, text);
            }
        }
    }

    [Fact]
    public void Item_Label_MatchesThePolarityOfEveryPhraseInTheSentence()
    {
        // Hand-checkable ground truth: the label is the polarity of the phrases the sentence is made of.
        var phrases = PhraseList.LoadFields("synthetic/robustness/sentiment-phrases.txt", 4);
        var generator = new OodSentimentGenerator(CrossModalTestKit.R3, CrossModalTestKit.Kit);

        for (var item = 0; item < 200; item++)
        {
            var (_, sentence) = generator.Item(9, item);
            var own = phrases.Where(p => p[0] == sentence.Style);
            Assert.Contains(own, p => p[1] == "quality" && p[2] == sentence.Label && sentence.Text.Contains(p[3], StringComparison.Ordinal));
            Assert.Contains(own, p => p[1] == "effect" && p[2] == sentence.Label && sentence.Text.Contains(p[3], StringComparison.Ordinal));
            Assert.DoesNotContain(own, p => p[2] != sentence.Label && p[1] == "effect" && sentence.Text.Contains(p[3], StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Item_Labels_AreBalanced()
    {
        var generator = new OodSentimentGenerator(CrossModalTestKit.R3, CrossModalTestKit.Kit);

        var positive = Enumerable.Range(0, 5000).Count(item => generator.Item(12, item).Sentence.Label == "positive");

        Assert.InRange(positive / 5000.0, 0.47, 0.53);
    }

    [Fact]
    public void Capacity_FiveVariantsTimesFiveStylesTimesTheSmallestStyle()
    {
        var generator = new OodSentimentGenerator(CrossModalTestKit.R3, CrossModalTestKit.Kit);

        // bible, romantic and shake: 2 labels × 8 templates × 32 subjects × 12 qualities × 8 effects.
        Assert.Equal(5L * 5 * 2 * 8 * 32 * 12 * 8, generator.Capacity);
        Assert.True(generator.Capacity >= 1_000_000);
    }
}
