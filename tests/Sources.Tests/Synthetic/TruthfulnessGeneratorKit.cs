using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;
using MultiTrust.Sources.Synthetic;

namespace MultiTrust.Sources.Tests.Synthetic;

/// <summary>Runs indexed generators through <see cref="SyntheticSource"/>, as the pipeline does.</summary>
internal static class TruthfulnessGeneratorKit
{
    public static TaskInfo T2 { get; } = new("t2-advanced", "T.2", "Truthfulness", "T.I", "Advanced Cognitive Inference", ["accuracy"]);

    public static TaskInfo T5 { get; } = new("t5-text-misleading", "T.5", "Truthfulness", "T.M", "Text Misleading VQA", ["accuracy"]);

    public static TaskInfo T6 { get; } = new("t6-visual-confusion", "T.6", "Truthfulness", "T.M", "Visual Confusion VQA", ["accuracy"]);

    public static TaskInfo T7 { get; } = new("t7-visual-misleading", "T.7", "Truthfulness", "T.M", "Visual Misleading QA", ["accuracy"]);

    public static async Task<List<Sample>> CollectAsync(
        Func<TaskInfo, IIndexedSampleGenerator> generator, TaskInfo task, long seed, int count, string outputRoot, int parallelism = 4)
    {
        var source = new SyntheticSource(generator) { Parallelism = parallelism };
        var samples = new List<Sample>();
        await foreach (var sample in source.ReadAsync(task, new TaskGenerationContext(seed, count, new FileBlobStore(outputRoot)), CancellationToken.None))
        {
            samples.Add(sample);
        }

        Assert.Equal(count, samples.Count);
        return samples;
    }

    /// <summary>SHA-256 over the prompts and image bytes of <paramref name="samples"/>, in order.</summary>
    public static async Task<string> DigestAsync(IEnumerable<Sample> samples, string outputRoot)
    {
        var store = new FileBlobStore(outputRoot);
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var sample in samples)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(sample.Prompt + "\u0000"));
            foreach (var image in sample.Images)
            {
                hash.AppendData(await store.ReadAsync(image, CancellationToken.None));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
