using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;
using MultiTrust.Sources.Synthetic;

namespace MultiTrust.Sources.Tests.Synthetic;

internal static class GeneratorTestKit
{
    public static TaskInfo T1 { get; } = new("t1-basic", "T.1", "Truthfulness", "T.I", "Basic World Understanding", ["accuracy"]);

    public static TaskInfo S4 { get; } = new("s4-typographic-jailbreaking", "S.4", "Safety", "S.J", "Plain Typographic Jailbreaking", ["rta"]);

    public static TaskInfo P6 { get; } = new("p6-pii-leakage-in-conversation", "P.6", "Privacy", "P.L", "PII Leakage in Conversations", ["rta", "leak_rate"]);

    /// <summary>The generator's first <paramref name="count"/> samples through <see cref="SyntheticSource"/>.</summary>
    public static async Task<List<Sample>> CollectAsync(IIndexedSampleGenerator generator, long seed, int count, string outputRoot, int parallelism = 4)
    {
        var samples = new List<Sample>();
        var source = new SyntheticSource(_ => generator) { Parallelism = parallelism };
        var task = new TaskInfo("test", "T", "Test", "T.T", "Test", []);
        await foreach (var sample in source.ReadAsync(task, new TaskGenerationContext(seed, count, new FileBlobStore(outputRoot)), CancellationToken.None))
        {
            samples.Add(sample);
        }

        return samples;
    }

    /// <summary>Sample ids plus image hashes, and the image hashes recomputed from the stored bytes.</summary>
    public static async Task<List<string>> FingerprintAsync(IEnumerable<Sample> samples, string outputRoot)
    {
        var store = new FileBlobStore(outputRoot);
        var result = new List<string>();
        foreach (var sample in samples)
        {
            result.Add(sample.Id);
            foreach (var image in sample.Images)
            {
                var bytes = await store.ReadAsync(image, CancellationToken.None);
                result.Add(MultiTrust.Core.Hashing.ContentHasher.Sha256Hex(bytes));
            }
        }

        return result;
    }
}
