using MultiTrust.Sources.Synthetic.Robustness;

namespace MultiTrust.Sources.Tests.Synthetic;

public sealed class SentimentGrammarTests
{
    private readonly SentimentGrammar _grammar = new();

    [Fact]
    public void Styles_AreThePlainAndTheFourOodStyles()
    {
        Assert.Equal(["plain", "bible", "romantic", "shake", "tweet"], _grammar.Styles);
    }

    [Fact]
    public void CountOf_IsTheProductOfTheLists()
    {
        // plain: 2 labels × 10 templates × 32 subjects × 14 effects × 15 qualities.
        Assert.Equal(2L * 10 * 32 * 14 * 15, _grammar.CountOf("plain"));
        // tweet: 2 × 8 templates × 32 subjects × 10 effects × 10 qualities × 8 tags.
        Assert.Equal(2L * 8 * 32 * 10 * 10 * 8, _grammar.CountOf("tweet"));
    }

    [Fact]
    public void Compose_FirstCombinations_HandChecked()
    {
        // Mixed radix: label, template, subject, then the slots in name order (effect, quality).
        Assert.Equal(new SentimentSentence("The film is wonderful, and I left with a smile.", "plain", "positive", "the film"), _grammar.Compose("plain", 0));
        Assert.Equal(new SentimentSentence("The film is dreadful, and I checked my watch constantly.", "plain", "negative", "the film"), _grammar.Compose("plain", 1));
        Assert.Equal("Honestly, the film is wonderful; I left with a smile.", _grammar.Compose("plain", 2).Text);
        Assert.Equal("Methinks this novel is most vile, and mine eyes did ache with weariness.", _grammar.Compose("shake", 1 + (2 * 8)).Text);
        Assert.Equal("just saw the film and it was so bad. 0/10 would not recommend #fail", _grammar.Compose("tweet", 1 + (2L * 8 * 32 * 1)).Text);
    }

    [Fact]
    public void Compose_DistinctCombinations_DistinctSentences_LabelsBalanced()
    {
        foreach (var style in _grammar.Styles)
        {
            var count = _grammar.CountOf(style);
            var step = count / 997;
            var sentences = Enumerable.Range(0, 997).Select(i => _grammar.Compose(style, i * step)).ToList();

            Assert.Equal(sentences.Count, sentences.Select(s => s.Text).Distinct(StringComparer.Ordinal).Count());
            Assert.All(sentences, s => Assert.Equal(style, s.Style));
        }

        var labels = Enumerable.Range(0, 1000).Select(i => _grammar.Compose("plain", i).Label).ToList();
        Assert.Equal(500, labels.Count(l => l == "positive"));
    }

    [Fact]
    public void Compose_NoSentenceContainsTheAnswerWords()
    {
        foreach (var style in _grammar.Styles)
        {
            for (long c = 0; c < _grammar.CountOf(style); c += 7919)
            {
                var text = _grammar.Compose(style, c).Text;
                Assert.DoesNotContain("positive", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("negative", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Compose_UnknownStyleOrOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => _grammar.Compose("sonnet", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => _grammar.Compose("plain", _grammar.CountOf("plain")));
    }
}
