using System.Collections.Immutable;
using MultiTrust.Core.Records;

namespace MultiTrust.Sinks.Tests;

/// <summary>Builds evaluated items with every field set, or with every nullable field null.</summary>
internal static class TestItems
{
    public static EvaluatedItem Full(string sampleId, string taskId = "t1-basic", string modelId = "model-a", bool writeSample = true)
    {
        var sample = new Sample(
            sampleId,
            taskId,
            "truthfulness",
            "T.I",
            "subset, with \"quotes\"",
            "Is the sky blue?\nAnswer yes or no.",
            [new ImageRef("aa11", "image/png", 10, 20, "/blobs/aa/aa11.png"), new ImageRef("bb22", "image/jpeg", 1, 2, "/src/b,c.jpg")],
            new SampleTarget("yes", ["555-0100", "jane@example.com"], "Yes."),
            ImmutableDictionary<string, string>.Empty.Add("source", "gen").Add("difficulty", "é"));
        var variant = new Variant("v-" + sampleId, "blur", "{\"sigma\":2}", 42);
        var response = new ModelResponse(
            sampleId, variant.Id, modelId, taskId, "req-" + sampleId, ResponseStatus.Truncated, "Yes, it", "length", null,
            12.5, 100, 7, 2, true, "aa11,bb22");
        var judgments = ImmutableArray.Create(
            new Judgment(sampleId, variant.Id, modelId, taskId, sample.Subset, "yes-no", "v1", "yes", 1.0, JudgmentStatus.Ok, "raw yes"),
            new Judgment(sampleId, variant.Id, modelId, taskId, sample.Subset, "refusal", "v2", null, null, JudgmentStatus.Unparseable, null));
        return new EvaluatedItem(sample, variant, response, judgments, writeSample);
    }

    public static EvaluatedItem Nulls(string sampleId, string taskId = "t2-other", string modelId = "model-b")
    {
        var sample = new Sample(sampleId, taskId, "safety", "S.I", "all", "p", [], SampleTarget.None, ImmutableDictionary<string, string>.Empty);
        var response = new ModelResponse(
            sampleId, "clean", modelId, taskId, "req-" + sampleId, ResponseStatus.Error, null, null, "HTTP 500 from http://127.0.0.1",
            0, null, null, 3, false, string.Empty);
        var judgment = new Judgment(sampleId, "clean", modelId, taskId, "all", "refusal", "v1", null, null, JudgmentStatus.Skipped, null);
        return new EvaluatedItem(sample, Variant.Clean, response, [judgment], true);
    }
}
