using System.Security.Cryptography;
using System.Text;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;
using MultiTrust.Sources.Synthetic;

namespace MultiTrust.Sources.Tests.Synthetic;

/// <summary>Runs indexed generators through <see cref="SyntheticSource"/> and fingerprints what they made.</summary>
internal static class IndexedGeneratorKit
{
    public static TaskInfo Task(string id) => new(id, "X", "Aspect", "X.X", id, ["accuracy"]);

    public static async Task<List<Sample>> CollectAsync(Func<TaskInfo, IIndexedSampleGenerator> generator, TaskInfo task, long seed, int count, string outputRoot, int parallelism = 4)
    {
        var source = new SyntheticSource(generator) { Parallelism = parallelism };
        var samples = new List<Sample>();
        await foreach (var sample in source.ReadAsync(task, new TaskGenerationContext(seed, count, new FileBlobStore(outputRoot)), CancellationToken.None))
        {
            samples.Add(sample);
        }

        return samples;
    }

    /// <summary>SHA-256 (hex) over every sample's subset, prompt, expected answer and image bytes, in order.</summary>
    public static async Task<string> GoldenHashAsync(IEnumerable<Sample> samples, string outputRoot)
    {
        var store = new FileBlobStore(outputRoot);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var sample in samples)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{sample.Subset}\n{sample.Prompt}\n{sample.Target.Expected}\n"));
            foreach (var image in sample.Images)
            {
                hash.AppendData(await store.ReadAsync(image, CancellationToken.None));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
