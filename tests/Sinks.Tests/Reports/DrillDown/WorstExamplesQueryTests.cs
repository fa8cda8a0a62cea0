using System.Collections.Immutable;
using MultiTrust.Core.Records;
using MultiTrust.Sinks.Reports.DrillDown;
using MultiTrust.Sinks.Results;

namespace MultiTrust.Sinks.Tests.Reports.DrillDown;

/// <summary>The drill-down's ranking over real committed Parquet parts, read through DuckDB.</summary>
public sealed class WorstExamplesQueryTests : IDisposable
{
    private readonly TempDirectory _out = new();

    public void Dispose() => _out.Dispose();

    private static EvaluatedItem Item(string sampleId, string modelId, double score, string variantId = "clean")
    {
        var sample = new Sample(
            sampleId, "t1-basic", "truthfulness", "T.I", "all", "Prompt of " + sampleId,
            [new ImageRef(new string('a', 64), "image/png", 1, 1, "/o/blobs/packs/p.pack#" + sampleId.Length)],
            new SampleTarget("yes", [], null), ImmutableDictionary<string, string>.Empty);
        var variant = variantId == "clean" ? Variant.Clean : new Variant(variantId, "blur", "{}", 1);
        var response = new ModelResponse(
            sampleId, variant.Id, modelId, "t1-basic", "req", ResponseStatus.Answered, "Answer of " + sampleId + " by " + modelId, "stop", null,
            1, 1, 1, 1, false, new string('a', 64));
        ImmutableArray<Judgment> judgments =
        [
            new(sampleId, variant.Id, modelId, "t1-basic", "all", "yes-no", "v1", score > 0 ? "yes" : "no", score, JudgmentStatus.Ok, null),
            new(sampleId, variant.Id, modelId, "t1-basic", "all", "refusal", "v1", "complied", null, JudgmentStatus.Ok, null),
        ];
        return new EvaluatedItem(sample, variant, response, judgments, modelId == "model-a");
    }

    [Fact]
    public async Task ReadAsync_ManySamples_TheWorstFewPerModelWithTheirPromptVerdictsAndImages()
    {
        await using (var sink = new ParquetResultSink(_out.RunDir("run-1"), "run-1"))
        {
            for (var i = 0; i < 40; i++)
            {
                var sampleId = $"s{i:D2}";
                await sink.WriteAsync(Item(sampleId, "model-a", i % 10 == 3 ? 0 : 1), default);
                await sink.WriteAsync(Item(sampleId, "model-b", i == 7 ? 0 : 1), default);
            }

            await sink.WriteAsync(Item("s00", "model-a", 0, variantId: "blur-1"), default); // perturbed rows are never ranked
            await sink.CommitAsync(default);
        }

        var worst = await new WorstExamplesQuery().ReadAsync(_out.Path, "run-1", [new PrimaryJudge("t1-basic", "yes-no", true)], perTask: 3);

        Assert.Equal(
            [("model-a", "s03", 1L, 0.0), ("model-a", "s13", 2L, 0.0), ("model-a", "s23", 3L, 0.0),
             ("model-b", "s07", 1L, 0.0), ("model-b", "s00", 2L, 1.0), ("model-b", "s01", 3L, 1.0)],
            worst.Select(w => (w.ModelId, w.SampleId, w.Rank, w.Score)));
        var first = worst[0];
        Assert.Equal(("Prompt of s03", "answered", "Answer of s03 by model-a"), (first.Prompt, first.ResponseStatus, first.Response));
        Assert.Equal("refusal: ok complied; yes-no: ok no (score 0.0)", first.Verdicts);
        Assert.Equal([new ExampleImage(new string('a', 64), "/o/blobs/packs/p.pack#3")], first.Images);
        Assert.Equal("Answer of s07 by model-b", worst[3].Response);
        Assert.Equal("Prompt of s07", worst[3].Prompt); // the samples row written once, shared by both models
    }
}
