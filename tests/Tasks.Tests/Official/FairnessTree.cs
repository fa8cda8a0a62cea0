using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;
using MultiTrust.Tasks.Model;
using MultiTrust.Testing.OfficialFixture;

namespace MultiTrust.Tasks.Tests.Official;

/// <summary>
/// A fixture release tree in a temp folder for the fairness loader tests: the whole tree
/// (<see cref="OfficialFixtureTree.Write"/>), whose files a test may then overwrite to break one annotation.
/// </summary>
public sealed class FairnessTree : IDisposable
{
    public FairnessTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "mt-fair-" + Guid.NewGuid().ToString("N"));
        OfficialFixtureTree.Write(Root);
        Files = new FixtureFiles(Root);
    }

    public string Root { get; }

    public FixtureFiles Files { get; }

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

    /// <summary>Every official sample of <paramref name="definition"/> (or the first <paramref name="count"/>).</summary>
    public async Task<List<Sample>> LoadAsync(TaskDefinition definition, long seed = 7, int count = int.MaxValue)
    {
        var task = new DeclaredTask(definition, TaskSuites.Official);
        var context = new TaskGenerationContext(seed, count, new FileBlobStore(Path.Combine(Root, ".blobs"))) { DataRoot = Root };
        var samples = new List<Sample>();
        await foreach (var sample in task.GenerateAsync(context, CancellationToken.None))
        {
            samples.Add(sample);
        }

        return samples;
    }

    /// <summary>The path of a sample's only image relative to the tree ('/'-separated).</summary>
    public string ImageOf(Sample sample) =>
        Path.GetRelativePath(Root, Assert.Single(sample.Images).Path).Replace('\\', '/');

    /// <summary>A model answer with <paramref name="text"/>.</summary>
    public static ModelResponse Answer(Sample sample, string text) =>
        new(sample.Id, "clean", "baseline:oracle", sample.TaskId, "h", ResponseStatus.Answered, text, "stop", null, 0, null, null, 1, false, string.Empty);
}
