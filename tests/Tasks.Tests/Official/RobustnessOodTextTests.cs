using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Sources.Official;
using MultiTrust.Stages.Judging;
using MultiTrust.Tasks.Robustness.OodText;

namespace MultiTrust.Tasks.Tests.Official;

public sealed class RobustnessOodTextTests(RobustnessRelease release) : IClassFixture<RobustnessRelease>
{
    private static readonly string[] s_subsets = ["text", "related-image", "unrelated-color", "unrelated-nature", "unrelated-noise"];

    private static readonly string[] s_categories =
        ["augment", "bible_p0.6", "bible_p0", "romantic_p0.6", "romantic_p0", "shake_p0.6", "shake_p0", "shake_w", "tweet_p0.6", "tweet_p0"];

    [Fact]
    public async Task Load_FixtureRelease_EveryRecordInEachVariantVariantByVariant()
    {
        var samples = await release.LoadAsync(OodText.Definition);

        Assert.Equal(s_subsets.SelectMany(s => Enumerable.Repeat(s, 10)), samples.Select(s => s.Subset));
        Assert.Equal(RobustnessRelease.FormulaSubsets(OodText.TaskId), samples.Select(s => s.Subset).ToHashSet());
        Assert.All(s_subsets, subset => Assert.Equal(s_categories, samples.Where(s => s.Subset == subset).Select(s => s.Metadata["category"])));
        Assert.All(samples, s => Assert.Null(s.Metadata.GetValueOrDefault("input_error")));
    }

    [Fact]
    public async Task Load_FixtureRelease_PromptIsTheProtocolsWithTheSentence()
    {
        var samples = await release.LoadAsync(OodText.Definition);

        Assert.Equal(
            "Please label the sentiment of the following text as positive or negative. The sentence is: the augment sentence is lovely. The answer should be exactly 'positive' or 'negative'.",
            samples[0].Prompt);
        Assert.All(samples.GroupBy(s => s.Metadata["category"]), g => Assert.Single(g.Select(s => s.Prompt).Distinct()));
    }

    [Fact]
    public async Task Load_FixtureRelease_VariantsCarryNoneTheRelatedOrAnUnrelatedImage()
    {
        var samples = await release.LoadAsync(OodText.Definition);

        Assert.All(samples.Where(s => s.Subset == "text"), s => Assert.Empty(s.Images));
        var related = samples.Where(s => s.Subset == "related-image").ToList();
        Assert.Equal("robustness/ood-text/related/0.png", release.ImageOf(related[0]));
        Assert.Equal("robustness/ood-text/related/dt3.png", release.ImageOf(related[3]));
        foreach (var kind in new[] { "color", "nature", "noise" })
        {
            Assert.All(samples.Where(s => s.Subset == "unrelated-" + kind), s => Assert.Matches($"^unrelated_images/{kind}_[12]\\.png$", release.ImageOf(s)));
        }
    }

    [Fact]
    public async Task Load_SameSeed_DrawsTheSameUnrelatedImages()
    {
        var first = await release.LoadAsync(OodText.Definition, seed: 11);
        var second = await release.LoadAsync(OodText.Definition, seed: 11);

        Assert.Equal(first.Select(s => s.Id), second.Select(s => s.Id));
    }

    [Fact]
    public async Task Load_FixtureRelease_LabelIsTextAndOracleStatesItsSentiment()
    {
        var samples = await release.LoadAsync(OodText.Definition);
        var text = samples.Where(s => s.Subset == "text").ToList();

        Assert.Equal(["1", "0", "1", "0", "1", "0", "1", "0", "1", "0"], text.Select(s => s.Target.Expected));
        Assert.Equal(["positive", "negative", "positive", "negative"], text.Take(4).Select(s => s.Target.Reference));
    }

    [Fact]
    public async Task Oracle_ValidatedSentimentJudge_ScoresEverySampleCorrect()
    {
        var samples = await release.LoadAsync(OodText.Definition);

        Assert.All(samples, s => Assert.Equal(1.0, SentimentJudge.Judge(s.Target.Reference, s.Target.Expected).Score));
    }

    [Fact]
    public async Task Oracle_ProtocolChain_ReachesTheCeilingOfEveryMetric()
    {
        var samples = await release.LoadAsync(OodText.Definition);
        var binding = OodText.Definition.Official!;
        var chain = MultiTrust.Stages.Judging.Chains.VerdictChain.Build(OodText.TaskId, binding.Verdicts, models: null);

        foreach (var sample in samples)
        {
            var verdicts = await MultiTrust.Core.Contracts.VerdictChainRunner.RunAsync(chain, sample, RobustnessOracle.Answer(sample), CancellationToken.None);
            foreach (var metric in binding.Metrics)
            {
                Assert.Equal(metric.HigherIsBetter ? 1.0 : 0.0, verdicts.Single(v => v.Judge.Id == metric.JudgeId).Verdict.Score);
            }
        }
    }

    [Fact]
    public void RequiredData_IsTheLabelFileTheRelatedImagesAndTheUnrelatedPool()
    {
        Assert.Equal(["robustness/ood-text/label.json", "robustness/ood-text/related", "unrelated_images"], OodText.Definition.Official!.Source.RequiredData);
    }

    [Fact]
    public async Task Load_MissingCategory_ThrowsNamingTheFile()
    {
        using var broken = new RobustnessRelease();
        broken.Files.Json("robustness/ood-text/label.json", new Dictionary<string, object> { ["augment"] = Array.Empty<object>() });

        var error = await Assert.ThrowsAsync<AnnotationException>(() => broken.LoadAsync(OodText.Definition));

        Assert.EndsWith("label.json: missing key 'bible_p0.6'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_RecordWithoutLabel_ThrowsNamingFileAndTheLineTheRecordStarts()
    {
        using var broken = new RobustnessRelease();
        var records = string.Join(",\n", s_categories.Select((c, i) => $"  \"{c}\": [\n    {{\"sentence\": \"s\", \"label\": 1, \"id\": {i}}}\n  ]"));
        broken.Files.Text("robustness/ood-text/label.json", "{\n" + records.Replace("{\"sentence\": \"s\", \"label\": 1, \"id\": 2}", "{\"sentence\": \"s\", \"id\": 2}") + "\n}\n");

        var error = await Assert.ThrowsAsync<AnnotationException>(() => broken.LoadAsync(OodText.Definition));

        Assert.EndsWith("label.json:9: missing field 'label'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_MalformedJson_ThrowsNamingFileAndLine()
    {
        using var broken = new RobustnessRelease();
        broken.Files.Text("robustness/ood-text/label.json", "{\n  \"augment\": [\n    {\"sentence\": \"s\",, \"label\": 1}\n  ]\n}\n");

        var error = await Assert.ThrowsAsync<AnnotationException>(() => broken.LoadAsync(OodText.Definition));

        Assert.Equal(3, error.Line);
        Assert.EndsWith("label.json", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_ProtocolRuleWithValidatedSentimentAndTheirDisagreement()
    {
        var binding = OodText.Definition.Official!;

        Assert.Equal(200, OodText.Definition.Generation.MaxTokens);
        Assert.Equal(
            [new RuleVerdict("correct", "contain-exact-protocol"), new RuleVerdict("sentiment"), new DisagreeVerdict("disagree-sentiment", "correct", "sentiment")],
            binding.Verdicts);
        Assert.Equal(
            [("accuracy", "correct", true), ("accuracy_validated", "sentiment", true), ("disagreement_sentiment", "disagree-sentiment", false)],
            binding.Metrics.Select(m => (m.Name, m.JudgeId, m.HigherIsBetter)));
        Assert.Equal(RobustnessRelease.FormulaMetrics(OodText.TaskId), new HashSet<string> { binding.Metrics[0].Name });
    }
}
