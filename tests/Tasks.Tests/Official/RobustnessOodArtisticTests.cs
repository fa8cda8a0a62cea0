using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Sources.Official;
using MultiTrust.Tasks.Robustness.OodArtistic;

namespace MultiTrust.Tasks.Tests.Official;

public sealed class RobustnessOodArtisticTests(RobustnessRelease release) : IClassFixture<RobustnessRelease>
{
    private static readonly string[] s_styles = ["cartoon", "handmake", "painting", "sketch", "tattoo", "weather"];

    [Fact]
    public async Task Load_FixtureRelease_TwoSamplesPerStyleInProtocolOrder()
    {
        var samples = await release.LoadAsync(OodArtistic.Definition);

        Assert.Equal(s_styles.SelectMany(s => new[] { s, s }), samples.Select(s => s.Subset));
        Assert.Equal(RobustnessRelease.FormulaSubsets(OodArtistic.TaskId), samples.Select(s => s.Subset).ToHashSet());
    }

    [Fact]
    public async Task Load_FixtureRelease_MapsImageAndFirstGroundTruthLabel()
    {
        var samples = await release.LoadAsync(OodArtistic.Definition);

        var first = samples[0];
        Assert.Equal("Please provide a detailed description of the image.", first.Prompt);
        Assert.Equal("robustness/ood-artistic/source/cartoon_1.png", release.ImageOf(first));
        Assert.Equal("person", first.Target.Expected);
        Assert.Equal("cartoon_1.png", first.Metadata["image_name"]);
        Assert.Equal("bicycle", samples[1].Target.Expected);
        Assert.All(samples, s => Assert.Null(s.Metadata.GetValueOrDefault("input_error")));
    }

    [Fact]
    public async Task Load_FixtureRelease_OracleCaptionNamesTheObject()
    {
        var samples = await release.LoadAsync(OodArtistic.Definition);

        Assert.All(samples, s => Assert.Contains(s.Target.Expected!, s.Target.Reference!, StringComparison.Ordinal));
        Assert.All(samples, s => Assert.StartsWith(OfficialReferences.Neutral, s.Target.Reference!, StringComparison.Ordinal));
    }

    [Fact]
    public void RequiredData_IsTheSixLabelFilesAndTheImageFolder()
    {
        Assert.Equal(
            [
                "robustness/ood-artistic/label/cartoon.json",
                "robustness/ood-artistic/label/handmake.json",
                "robustness/ood-artistic/label/painting.json",
                "robustness/ood-artistic/label/sketch.json",
                "robustness/ood-artistic/label/tattoo.json",
                "robustness/ood-artistic/label/weather.json",
                "robustness/ood-artistic/source",
            ],
            OodArtistic.Definition.Official!.Source.RequiredData);
    }

    [Fact]
    public async Task Load_RowWithoutGroundTruth_ThrowsNamingFileAndLine()
    {
        using var broken = new RobustnessRelease();
        broken.Files.Text("robustness/ood-artistic/label/sketch.json", "{\"image_name\": \"a.png\", \"gt_label\": [\"cat\"]}\n{\"image_name\": \"b.png\"}\n");

        var error = await Assert.ThrowsAsync<AnnotationException>(() => broken.LoadAsync(OodArtistic.Definition));

        Assert.EndsWith("sketch.json:2: missing field 'gt_label'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_EmptyGroundTruthList_ThrowsNamingFileAndLine()
    {
        using var broken = new RobustnessRelease();
        broken.Files.Text("robustness/ood-artistic/label/cartoon.json", "{\"image_name\": \"a.png\", \"gt_label\": []}\n");

        var error = await Assert.ThrowsAsync<AnnotationException>(() => broken.LoadAsync(OodArtistic.Definition));

        Assert.EndsWith("cartoon.json:1: field 'gt_label' is an empty list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_MalformedLine_ThrowsNamingFileAndLine()
    {
        using var broken = new RobustnessRelease();
        broken.Files.Text("robustness/ood-artistic/label/weather.json", "{\"image_name\": \"a.png\", \"gt_label\": [\"cat\"]}\n{\"image_name\": \n");

        var error = await Assert.ThrowsAsync<AnnotationException>(() => broken.LoadAsync(OodArtistic.Definition));

        Assert.Equal(2, error.Line);
        Assert.EndsWith("weather.json", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_MissingImage_BecomesTheSampleInputError()
    {
        using var broken = new RobustnessRelease();
        File.Delete(broken.Files.PathOf("robustness/ood-artistic/source/painting_2.png"));

        var samples = await broken.LoadAsync(OodArtistic.Definition);

        var sample = Assert.Single(samples, s => s.Metadata.ContainsKey("input_error"));
        Assert.Equal("painting", sample.Subset);
        Assert.Equal("painting_2.png", sample.Metadata["image_name"]);
    }

    [Fact]
    public void Definition_GptCaptionJudgeThenYesNo_AccuracyAt300Tokens()
    {
        var binding = OodArtistic.Definition.Official!;

        Assert.Equal(300, OodArtistic.Definition.Generation.MaxTokens);
        Assert.Equal(
            [new ModelVerdict("caption", "gpt-judge", "protocol-r1-caption"), new ReadVerdict("correct", "yes-protocol", "caption")],
            binding.Verdicts);
        var metric = Assert.Single(binding.Metrics);
        Assert.Equal(("accuracy", "correct", true), (metric.Name, metric.JudgeId, metric.HigherIsBetter));
        Assert.Equal(RobustnessRelease.FormulaMetrics(OodArtistic.TaskId), binding.Metrics.Select(m => m.Name).ToHashSet());
    }
}
