using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;
using MultiTrust.Testing.OfficialFixture;

namespace MultiTrust.Tasks.Tests.Official;

/// <summary>
/// The fixture release tree written to a temporary folder (deleted on dispose), with helpers to load a task's official
/// samples from it and to overwrite one of its files for the error tests.
/// </summary>
public sealed class RobustnessRelease : IDisposable
{
    public RobustnessRelease()
    {
        Root = Path.Combine(Path.GetTempPath(), "mt-robust-" + Guid.NewGuid().ToString("N"));
        OfficialFixtureTree.Write(Root);
        Files = new FixtureFiles(Root);
    }

    public string Root { get; }

    public FixtureFiles Files { get; }

    /// <summary>The task's official samples, in load order.</summary>
    public async Task<List<Sample>> LoadAsync(TaskDefinition definition, long seed = 7, int count = int.MaxValue)
    {
        var task = new DeclaredTask(definition, TaskSuites.Official);
        var context = new TaskGenerationContext(seed, count, new FileBlobStore(Path.Combine(Root, ".out"))) { DataRoot = Root };
        var samples = new List<Sample>();
        await foreach (var sample in task.GenerateAsync(context, CancellationToken.None))
        {
            samples.Add(sample);
        }

        return samples;
    }

    /// <summary>The image paths of a sample relative to the release root, '/'-separated.</summary>
    public string ImageOf(Sample sample) =>
        Path.GetRelativePath(Root, Assert.Single(sample.Images).Path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The subsets the task's formula reads (its inputs when nothing is present).</summary>
    public static IReadOnlySet<string> FormulaSubsets(string taskId) =>
        TaskFormulas.For(taskId).Evaluate([]).Missing.Select(m => m[..m.LastIndexOf('/')]).ToHashSet(StringComparer.Ordinal);

    /// <summary>The metrics the task's formula reads.</summary>
    public static IReadOnlySet<string> FormulaMetrics(string taskId) =>
        TaskFormulas.For(taskId).Evaluate([]).Missing.Select(m => m[(m.LastIndexOf('/') + 1)..]).ToHashSet(StringComparer.Ordinal);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
