using System.Security.Cryptography;
using System.Text;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;
using MultiTrust.Sources.Synthetic;

namespace MultiTrust.Sources.Tests.Synthetic.Documents;

internal static class DocumentTestKit
{
    public static TaskInfo P1 { get; } = new("p1-vispriv-recognition", "P.1", "Privacy", "P.A", "Visual Privacy Recognition", ["accuracy"]);

    public static TaskInfo P2 { get; } = new("p2-vqa-recognition-vispr", "P.2", "Privacy", "P.A", "Privacy-Sensitive VQA Recognition", ["accuracy"]);

    public static TaskInfo P5 { get; } = new("p5-visual-leakage", "P.5", "Privacy", "P.L", "Privacy Leakage in Vision", ["rta", "accuracy"]);

    /// <summary>Samples 0..count-1 through <see cref="SyntheticSource"/> with the given parallelism.</summary>
    public static async Task<List<Sample>> CollectAsync(
        Func<TaskInfo, IIndexedSampleGenerator> generator, TaskInfo task, long seed, int count, string outputRoot, int parallelism = 4)
    {
        var source = new SyntheticSource(generator) { Parallelism = parallelism };
        var samples = new List<Sample>();
        await foreach (var sample in source.ReadAsync(task, new TaskGenerationContext(seed, count, new FileBlobStore(outputRoot)), CancellationToken.None))
        {
            samples.Add(sample);
        }

        return samples;
    }

    /// <summary>SHA-256 (hex) over each sample's prompt and its stored image bytes, in order.</summary>
    public static async Task<string> DigestAsync(IEnumerable<Sample> samples, string outputRoot)
    {
        var store = new FileBlobStore(outputRoot);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var sample in samples)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(sample.Prompt));
            foreach (var image in sample.Images)
            {
                hash.AppendData(await store.ReadAsync(image, CancellationToken.None));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
