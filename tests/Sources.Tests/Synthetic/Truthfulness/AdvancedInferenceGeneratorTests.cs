using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Truthfulness;

namespace MultiTrust.Sources.Tests.Synthetic.Truthfulness;

public sealed class AdvancedInferenceGeneratorTests : IDisposable
{
    // Prompts and image bytes of the first 12 samples (two per subset) of seed 1; a change here changes every T.2 sample.
    private const string GoldenDigest = "69d351dc491e44e1e9ee4f6031c52819b7012ef1b77e3be488156b45b8bfe167";

    private static readonly Func<TaskInfo, IIndexedSampleGenerator> s_generator = t => new AdvancedInferenceGenerator(t);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task GenerateAsync_FirstSamples_MatchGoldenDigest()
    {
        var samples = await TruthfulnessGeneratorKit.CollectAsync(s_generator, TruthfulnessGeneratorKit.T2, 1, 12, _dir.Path);

        Assert.Equal(GoldenDigest, await TruthfulnessGeneratorKit.DigestAsync(samples, _dir.Path));
    }

    [Fact]
    public async Task ReadAsync_OneOrEightThreads_IdenticalSamples()
    {
        var one = await TruthfulnessGeneratorKit.CollectAsync(s_generator, TruthfulnessGeneratorKit.T2, 5, 48, Path.Combine(_dir.Path, "a"), parallelism: 1);
        var eight = await TruthfulnessGeneratorKit.CollectAsync(s_generator, TruthfulnessGeneratorKit.T2, 5, 48, Path.Combine(_dir.Path, "b"), parallelism: 8);

        Assert.Equal(one.Select(s => s.Id), eight.Select(s => s.Id));
        Assert.Equal(
            await TruthfulnessGeneratorKit.DigestAsync(one, Path.Combine(_dir.Path, "a")),
            await TruthfulnessGeneratorKit.DigestAsync(eight, Path.Combine(_dir.Path, "b")));
    }

    [Fact]
    public async Task GenerateAsync_SampleI_DependsOnlyOnSeedAndIndex()
    {
        var generator = new AdvancedInferenceGenerator(TruthfulnessGeneratorKit.T2);
        var context = new TaskGenerationContext(9, 1, new FileBlobStore(_dir.Path));

        var direct = await generator.GenerateAsync(40, context, CancellationToken.None);
        var inRun = (await TruthfulnessGeneratorKit.CollectAsync(s_generator, TruthfulnessGeneratorKit.T2, 9, 41, _dir.Path))[40];
        var otherSeed = await generator.GenerateAsync(40, context with { Seed = 10 }, CancellationToken.None);

        Assert.Equal(direct.Id, inRun.Id);
        Assert.NotEqual(direct.Id, otherSeed.Id);
    }

    [Fact]
    public async Task GenerateAsync_SubsetsInTurn_BalancedYesNo_ProtocolPrompt()
    {
        var samples = await TruthfulnessGeneratorKit.CollectAsync(s_generator, TruthfulnessGeneratorKit.T2, 2, 120, _dir.Path);

        Assert.Equal(["spatial", "temporal", "compare", "math", "code", "translate"], samples.Take(6).Select(s => s.Subset));
        foreach (var subset in samples.GroupBy(s => s.Subset))
        {
            Assert.Equal(20, subset.Count());
            Assert.Equal(10, subset.Count(s => s.Target.Expected == "yes"));
        }

        foreach (var sample in samples)
        {
            Assert.Equal(
                "\n " + sample.Metadata["statement"] + "\n Please answer with [Yes] or [No] according to the picture, and give a short explanation about your answer.",
                sample.Prompt);
            Assert.Single(sample.Images);
            Assert.Equal(sample.Target.Expected == "yes" ? "Yes." : "No.", sample.Target.Reference);
            Assert.Equal(sample.Target.Expected, sample.Metadata["truth"]);
        }
    }

    [Fact]
    public async Task GenerateAsync_ManySamples_DistinctIds()
    {
        var samples = await TruthfulnessGeneratorKit.CollectAsync(s_generator, TruthfulnessGeneratorKit.T2, 3, 600, _dir.Path, parallelism: 8);

        Assert.Equal(samples.Count, samples.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public async Task CountAsync_AboveCapacity_RejectedNamingTheMaximum()
    {
        var source = new SyntheticSource(s_generator);
        var capacity = new AdvancedInferenceGenerator(TruthfulnessGeneratorKit.T2).Capacity;

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            source.CountAsync(TruthfulnessGeneratorKit.T2, new TaskGenerationContext(1, (int)capacity + 1, new FileBlobStore(_dir.Path)), CancellationToken.None));

        Assert.Equal(1_838_592, capacity);
        Assert.Contains("1838592", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_LastIndexBelowCapacity_Generates_NextThrows()
    {
        var generator = new AdvancedInferenceGenerator(TruthfulnessGeneratorKit.T2);
        var context = new TaskGenerationContext(1, 1, new FileBlobStore(_dir.Path));

        var last = await generator.GenerateAsync(generator.Capacity - 1, context, CancellationToken.None);

        Assert.Equal("translate", last.Subset);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => generator.GenerateAsync(generator.Capacity, context, CancellationToken.None).AsTask());
    }
}
