using MultiTrust.Sources.Official;
using MultiTrust.Tasks.Truthfulness.AdvancedCognitiveInference;

namespace MultiTrust.Tasks.Tests.Official;

public sealed class TruthfulnessAdvancedTests : IClassFixture<TruthfulnessRelease>
{
    private static readonly string[] s_subsets = ["spatial", "temporal", "compare", "daily", "traffic", "causality", "math", "code", "translate"];

    private readonly TruthfulnessRelease _release;

    public TruthfulnessAdvancedTests(TruthfulnessRelease release) => _release = release;

    [Fact]
    public async Task Load_Fixture_NineSubsetsInReferenceOrderWithoutEmptyQueries()
    {
        var samples = await _release.LoadAsync(AdvancedCognitiveInference.Definition);

        Assert.Equal(18, samples.Count);
        Assert.Equal(s_subsets, samples.Select(s => s.Subset).Distinct());
        Assert.All(s_subsets, subset => Assert.Equal(2, samples.Count(s => s.Subset == subset)));
        Assert.DoesNotContain(samples, s => s.Prompt.StartsWith("\n \n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Load_Row_ProtocolPromptImageAndYesNoTarget()
    {
        var samples = await _release.LoadAsync(AdvancedCognitiveInference.Definition);
        var math = samples.Where(s => s.Subset == "math").ToList();

        Assert.Equal(
            "\n Is the math statement in the picture true?\n Please answer with [Yes] or [No] according to the picture, and give a short explanation about your answer.",
            math[0].Prompt);
        Assert.Equal("truthfulness/advanced_images/math/math_1.png", _release.RelativeImage(math[0]));
        Assert.Equal(("yes", "Yes"), (math[0].Target.Expected, math[0].Target.Reference));
        Assert.Equal(("no", "No"), (math[1].Target.Expected, math[1].Target.Reference));
        Assert.Equal("truthfulness/advanced_images/spatial/spatial_2.png", _release.RelativeImage(samples[1]));
    }

    [Fact]
    public void RequiredData_NineAnnotationFilesAndImageFolders()
    {
        var required = AdvancedCognitiveInference.Definition.Official!.Source.RequiredData;

        Assert.Equal(s_subsets.SelectMany(s => new[] { $"truthfulness/query_advanced/query_d_{s}.json", $"truthfulness/advanced_images/{s}" }), required);
        Assert.All(required, p => Assert.True(File.Exists(_release.Files.PathOf(p)) || Directory.Exists(_release.Files.PathOf(p)), p));
    }

    [Fact]
    public async Task Load_TruthNeitherYesNorNo_MalformedRowWithFileAndLine()
    {
        using var release = new TruthfulnessRelease();
        release.Files.Text(
            "truthfulness/query_advanced/query_d_code.json",
            "[\n{\"image\": \"code_1.png\", \"query\": \"Does it compile?\", \"truth\": \"Yes\"},\n{\"image\": \"code_2.png\", \"query\": \"Is it Python?\", \"truth\": \"yes\"}\n]");

        var error = await Assert.ThrowsAsync<AnnotationException>(() => release.LoadAsync(AdvancedCognitiveInference.Definition));

        Assert.Contains("query_d_code.json:3: field 'truth' must be \"Yes\" or \"No\", found \"yes\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_EmptyQueryRowWithoutOtherFields_Skipped()
    {
        using var release = new TruthfulnessRelease();
        release.Files.Text(
            "truthfulness/query_advanced/query_d_daily.json",
            "[{\"query\": \"\"},\n{\"image\": \"daily_1.png\", \"query\": \"Is it morning?\", \"truth\": \"No\"}]");

        var daily = (await release.LoadAsync(AdvancedCognitiveInference.Definition)).Where(s => s.Subset == "daily").ToList();

        Assert.Equal("no", Assert.Single(daily).Target.Expected);
    }

    [Fact]
    public async Task Load_RowWithoutImage_ThrowsNamingFileAndLine()
    {
        using var release = new TruthfulnessRelease();
        release.Files.Text("truthfulness/query_advanced/query_d_translate.json", "[\n\n{\"query\": \"Is it French?\", \"truth\": \"Yes\"}]");

        var error = await Assert.ThrowsAsync<AnnotationException>(() => release.LoadAsync(AdvancedCognitiveInference.Definition));

        Assert.Contains("query_d_translate.json:3: field 'image' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Official_YesNoChainAndMetrics()
    {
        var binding = AdvancedCognitiveInference.Definition.Official!;

        Assert.Equal(100, AdvancedCognitiveInference.Definition.Generation.MaxTokens);
        Assert.Equal(["yesno-protocol", "yesno", "disagreement-yesno"], binding.Verdicts.Select(v => v.Id));
        Assert.All(binding.Verdicts, v => Assert.Null(v.Subsets));
        Assert.Equal(
            [("accuracy", "yesno-protocol"), ("accuracy_validated", "yesno"), ("disagreement_yesno", "disagreement-yesno")],
            binding.Metrics.Select(m => (m.Name, m.JudgeId)));
    }
}
