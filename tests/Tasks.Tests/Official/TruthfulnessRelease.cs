using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;
using MultiTrust.Tasks.Model;
using MultiTrust.Testing.OfficialFixture;

namespace MultiTrust.Tasks.Tests.Official;

/// <summary>
/// The fixture release (shared unrelated images + the truthfulness tree) in a temp folder, deleted on dispose, and a
/// loader runner over it. Tests that edit files create their own instance.
/// </summary>
public sealed class TruthfulnessRelease : IDisposable
{
    public TruthfulnessRelease()
    {
        Root = Path.Combine(Path.GetTempPath(), "mt-truth-" + Guid.NewGuid().ToString("N"));
        var files = new FixtureFiles(Path.Combine(Root, "data"));
        OfficialFixtureTree.WriteShared(files);
        TruthfulnessFixture.Write(files);
        Files = files;
    }

    public string Root { get; }

    /// <summary>The data root (the folder holding <c>truthfulness/</c> and <c>unrelated_images/</c>).</summary>
    public string DataRoot => Files.Root;

    public FixtureFiles Files { get; }

    /// <summary>The official samples of <paramref name="definition"/>.</summary>
    public async Task<List<Sample>> LoadAsync(TaskDefinition definition, long seed = 7, int count = int.MaxValue)
    {
        var context = new TaskGenerationContext(seed, count, new FileBlobStore(Path.Combine(Root, "blobs"))) { DataRoot = DataRoot };
        var samples = new List<Sample>();
        await foreach (var sample in definition.Official!.Source.ReadAsync(definition.Info, context, CancellationToken.None))
        {
            samples.Add(sample);
        }

        return samples;
    }

    /// <summary>The relative path of a sample's image under the data root, '/'-separated.</summary>
    public string RelativeImage(Sample sample, int index = 0) =>
        Path.GetRelativePath(DataRoot, sample.Images[index].Path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>Samples per subset, ordered by subset name.</summary>
    public static IReadOnlyList<(string Subset, int Count)> CountsBySubset(IEnumerable<Sample> samples) =>
        [.. samples.GroupBy(s => s.Subset).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
