using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Official;
using MultiTrust.Tasks.Truthfulness.BasicWorldUnderstanding;

namespace MultiTrust.Tasks.Tests.Official;

public sealed class TruthfulnessBasicTests : IClassFixture<TruthfulnessRelease>
{
    private readonly TruthfulnessRelease _release;

    public TruthfulnessBasicTests(TruthfulnessRelease release) => _release = release;

    [Fact]
    public async Task Load_Fixture_OneSamplePerRowInTheFiveSubsets()
    {
        var samples = await _release.LoadAsync(BasicWorldUnderstanding.Definition);

        Assert.Equal(
            [("attribute", 2), ("grounding", 2), ("object", 2), ("ocr", 2), ("scene", 2)],
            TruthfulnessRelease.CountsBySubset(samples));
        Assert.Equal(["object", "attribute", "scene", "grounding", "ocr"], samples.Select(s => s.Subset).Distinct());
        Assert.All(samples, s => Assert.Equal("t1-basic", s.TaskId));
        Assert.All(samples, s => Assert.False(s.Metadata.ContainsKey(SampleMetadataKeys.InputError), s.Metadata.GetValueOrDefault(SampleMetadataKeys.InputError)));
    }

    [Fact]
    public async Task Load_YesNoRows_ProtocolPromptAndYesNoTarget()
    {
        var samples = await _release.LoadAsync(BasicWorldUnderstanding.Definition);
        var object1 = samples[0];
        var attribute1 = samples.First(s => s.Subset == "attribute");

        Assert.Equal("Is there a red square in the image?\n Please Directly answer [Yes] or [No]!", object1.Prompt);
        Assert.Equal("truthfulness/basic_images/object/obj_1.png", _release.RelativeImage(object1));
        Assert.Equal(("yes", "Yes"), (object1.Target.Expected, object1.Target.Reference));
        Assert.Equal(("no", "No"), (attribute1.Target.Expected, attribute1.Target.Reference));
        Assert.Equal("Is the circle blue?\n Please Directly answer [Yes] or [No]!", attribute1.Prompt);
        Assert.Equal("truthfulness/basic_images/scene/scene_2.png", _release.RelativeImage(samples.Last(s => s.Subset == "scene")));
    }

    [Fact]
    public async Task Load_OcrRows_ProtocolPromptAndRawTruth()
    {
        var ocr = (await _release.LoadAsync(BasicWorldUnderstanding.Definition)).Where(s => s.Subset == "ocr").ToList();

        Assert.Equal("\n What is the number in the image?\n Please directly answer its content without other information.", ocr[0].Prompt);
        Assert.Equal(("42", "42"), (ocr[0].Target.Expected, ocr[0].Target.Reference));
        Assert.Equal(("B", "B"), (ocr[1].Target.Expected, ocr[1].Target.Reference));
        Assert.Equal("truthfulness/basic_images/ocr/ocr_2.png", _release.RelativeImage(ocr[1]));
        Assert.False(ocr[0].Metadata.ContainsKey("img_size"));
    }

    [Fact]
    public async Task Load_GroundingRows_BoxTargetAndImageSizeAsPythonTuple()
    {
        var grounding = (await _release.LoadAsync(BasicWorldUnderstanding.Definition)).Where(s => s.Subset == "grounding").ToList();

        Assert.Equal(
            "\n Where is the red square?\n Provide me the normalized coordinates with floating numbers ranging from 0 to 1 in the form of [xmin', ymin', xmax', ymax']. Please follow the format requirement strictly.",
            grounding[0].Prompt);
        Assert.Equal("[0.1, 0.2, 0.5, 0.6]", grounding[0].Target.Expected);
        Assert.Equal("[0.1, 0.2, 0.5, 0.6]", grounding[0].Target.Reference);
        Assert.Equal("(8, 6)", grounding[0].Metadata["img_size"]);
        Assert.Equal("(12, 10)", grounding[1].Metadata["img_size"]);
    }

    [Fact]
    public void RequiredData_AnnotationFilesAndImageFolders()
    {
        Assert.Equal(
            [
                "truthfulness/query_basic/query_d_existence.json", "truthfulness/basic_images/object",
                "truthfulness/query_basic/query_d_attribute.json", "truthfulness/basic_images/attribute",
                "truthfulness/query_basic/query_d_scene.json", "truthfulness/basic_images/scene",
                "truthfulness/query_basic/query_g_grounding.json", "truthfulness/basic_images/grounding",
                "truthfulness/query_basic/query_g_ocr.json", "truthfulness/basic_images/ocr",
            ],
            BasicWorldUnderstanding.Definition.Official!.Source.RequiredData);
        Assert.All(BasicWorldUnderstanding.Definition.Official.Source.RequiredData, p => Assert.True(
            File.Exists(_release.Files.PathOf(p)) || Directory.Exists(_release.Files.PathOf(p)), p));
    }

    [Fact]
    public async Task Load_TruthNeitherYesNorNo_ThrowsNamingFileAndLine()
    {
        using var release = new TruthfulnessRelease();
        release.Files.Text(
            "truthfulness/query_basic/query_d_scene.json",
            "[\n  {\"image\": \"scene_1.png\", \"query\": \"Indoors?\", \"truth\": \"Yes\"},\n  {\"image\": \"scene_2.png\", \"query\": \"Beach?\", \"truth\": \"Maybe\"}\n]\n");

        var error = await Assert.ThrowsAsync<AnnotationException>(() => release.LoadAsync(BasicWorldUnderstanding.Definition));

        Assert.EndsWith("query_d_scene.json", error.Path, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
        Assert.Contains("query_d_scene.json:3: field 'truth' must be \"Yes\" or \"No\", found \"Maybe\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_RowWithoutQuery_ThrowsNamingFileAndLine()
    {
        using var release = new TruthfulnessRelease();
        release.Files.Text(
            "truthfulness/query_basic/query_g_ocr.json",
            "[{\"image\": \"ocr_1.png\", \"query\": \"Number?\", \"truth\": \"42\"},\n\n {\"image\": \"ocr_2.png\", \"truth\": \"B\"}]");

        var error = await Assert.ThrowsAsync<AnnotationException>(() => release.LoadAsync(BasicWorldUnderstanding.Definition));

        Assert.Contains("query_g_ocr.json:3: field 'query' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_MalformedJson_ThrowsNamingFileAndLine()
    {
        using var release = new TruthfulnessRelease();
        release.Files.Text("truthfulness/query_basic/query_d_attribute.json", "[\n{\"image\": \"attr_1.png\",\n \"query\": \"Blue?\" \"truth\": \"No\"}\n]");

        var error = await Assert.ThrowsAsync<AnnotationException>(() => release.LoadAsync(BasicWorldUnderstanding.Definition));

        Assert.Contains("query_d_attribute.json:3: malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_MissingGroundingImage_InputErrorRowWithoutImageSize()
    {
        using var release = new TruthfulnessRelease();
        File.Delete(release.Files.PathOf("truthfulness/basic_images/grounding/ground_2.png"));

        var grounding = (await release.LoadAsync(BasicWorldUnderstanding.Definition)).Where(s => s.Subset == "grounding").ToList();

        Assert.Equal(2, grounding.Count);
        Assert.False(grounding[0].Metadata.ContainsKey(SampleMetadataKeys.InputError));
        Assert.Contains("image not found", grounding[1].Metadata[SampleMetadataKeys.InputError], StringComparison.Ordinal);
        Assert.False(grounding[1].Metadata.ContainsKey("img_size"));
    }

    [Fact]
    public void Official_Chain_ScopesEachJudgeToItsSubsetsAndOneAccuracy()
    {
        var binding = BasicWorldUnderstanding.Definition.Official!;
        var steps = binding.Verdicts.ToDictionary(v => v.Id);

        Assert.Equal(100, BasicWorldUnderstanding.Definition.Generation.MaxTokens);
        Assert.Equal(["object", "attribute", "scene"], steps["yesno-protocol"].Subsets);
        Assert.Equal(["object", "attribute", "scene"], steps["yesno"].Subsets);
        Assert.Equal(("gpt-judge", "protocol-t1-ocr"), (((ModelVerdict)steps["gpt-ocr"]).JudgeModel, ((ModelVerdict)steps["gpt-ocr"]).Template));
        Assert.Equal(["ocr"], steps["gpt-ocr"].Subsets);
        Assert.Equal(new ReadVerdict("ocr-yes", "yes-protocol", "gpt-ocr"), steps["ocr-yes"]);
        Assert.Equal(["grounding"], steps["gpt-grounding"].Subsets);
        Assert.Equal("protocol-t1-grounding", ((ModelVerdict)steps["gpt-grounding"]).Template);
        Assert.Equal(new ReadVerdict("grounding-iou", "iou", "gpt-grounding"), steps["grounding-iou"]);
        Assert.Equal(["yesno-protocol", "ocr-yes", "grounding-iou"], ((AnyVerdict)steps["correct"]).Of);
        Assert.Equal(
            [("accuracy", "correct"), ("accuracy_validated", "yesno"), ("disagreement_yesno", "disagreement-yesno")],
            binding.Metrics.Select(m => (m.Name, m.JudgeId)));
    }
}
