using MultiTrust.Core.Contracts;
using MultiTrust.Sources.Storage;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Truthfulness;

namespace MultiTrust.Sources.Tests.Synthetic.Truthfulness;

public sealed class VisualConfusionGeneratorTests : IDisposable
{
    // Prompts and image bytes of the first 6 samples (two per subset) of seed 1; a change here changes every T.6 sample.
    private const string GoldenDigest = "e20f69eb9f986b8c22c6665cedf2d83b25b2a8314bc61f3fd623e16947678557";

    private static readonly Func<TaskInfo, IIndexedSampleGenerator> s_generator = t => new VisualConfusionGenerator(t);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task GenerateAsync_FirstSamples_MatchGoldenDigest()
    {
        var samples = await TruthfulnessGeneratorKit.CollectAsync(s_generator, TruthfulnessGeneratorKit.T6, 1, 6, _dir.Path);

        Assert.Equal(GoldenDigest, await TruthfulnessGeneratorKit.DigestAsync(samples, _dir.Path));
    }

    [Fact]
    public async Task ReadAsync_OneOrEightThreads_IdenticalSamples()
    {
        var one = await TruthfulnessGeneratorKit.CollectAsync(s_generator, TruthfulnessGeneratorKit.T6, 5, 36, Path.Combine(_dir.Path, "a"), parallelism: 1);
        var eight = await TruthfulnessGeneratorKit.CollectAsync(s_generator, TruthfulnessGeneratorKit.T6, 5, 36, Path.Combine(_dir.Path, "b"), parallelism: 8);

        Assert.Equal(one.Select(s => s.Id), eight.Select(s => s.Id));
        Assert.Equal(
            await TruthfulnessGeneratorKit.DigestAsync(one, Path.Combine(_dir.Path, "a")),
            await TruthfulnessGeneratorKit.DigestAsync(eight, Path.Combine(_dir.Path, "b")));
    }

    [Fact]
    public async Task GenerateAsync_SubsetsInTurn_BalancedYesNo_ProtocolPrompt_DistinctIds()
    {
        var samples = await TruthfulnessGeneratorKit.CollectAsync(s_generator, TruthfulnessGeneratorKit.T6, 2, 120, _dir.Path, parallelism: 8);

        Assert.Equal(["contrast", "mirror", "dislocation"], samples.Take(3).Select(s => s.Subset));
        foreach (var subset in samples.GroupBy(s => s.Subset))
        {
            Assert.Equal(40, subset.Count());
            Assert.Equal(20, subset.Count(s => s.Target.Expected == "yes"));
        }

        foreach (var sample in samples)
        {
            Assert.Equal(
                "\n " + sample.Metadata["statement"] + "\n Please first answer with [Yes] or [No] according to the picture, and give a short explanation about your answer.",
                sample.Prompt);
            Assert.Single(sample.Images);
            Assert.Equal(sample.Target.Expected == "yes" ? "Yes." : "No.", sample.Target.Reference);
        }

        Assert.Equal(samples.Count, samples.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public async Task CountAsync_AboveCapacity_RejectedNamingTheMaximum()
    {
        var capacity = new VisualConfusionGenerator(TruthfulnessGeneratorKit.T6).Capacity;

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new SyntheticSource(s_generator)
            .CountAsync(TruthfulnessGeneratorKit.T6, new TaskGenerationContext(1, (int)capacity + 1, new FileBlobStore(_dir.Path)), CancellationToken.None));

        Assert.Equal(3_785_472, capacity);
        Assert.Contains("3785472", error.Message, StringComparison.Ordinal);
    }
}
