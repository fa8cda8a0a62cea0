using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;
using MultiTrust.Stages.Judging.Chains;
using MultiTrust.Tasks.Model;
using MultiTrust.Testing.OfficialFixture;

namespace MultiTrust.Tasks.Tests.Official;

/// <summary>
/// A fixture release tree in a temporary folder for the safety loader tests: loads a task's official samples, lets a
/// test overwrite a file to make it malformed, and runs the rule steps of a chain on an answer.
/// </summary>
internal sealed class SafetyFixtureRoot : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mt-safety-" + Guid.NewGuid().ToString("N"));

    public SafetyFixtureRoot()
    {
        Root = Path.Combine(_dir, "data");
        OfficialFixtureTree.Write(Root);
        Files = new FixtureFiles(Root);
    }

    public string Root { get; }

    public FixtureFiles Files { get; }

    public static DeclaredTask Task(string taskId)
    {
        Assert.True(TaskCatalog.TryGetDefinition(taskId, out var definition));
        return new DeclaredTask(definition, TaskSuites.Official);
    }

    public async Task<List<Sample>> LoadAsync(string taskId, long seed = 7)
    {
        var context = new TaskGenerationContext(seed, int.MaxValue, new FileBlobStore(Path.Combine(_dir, "out"))) { DataRoot = Root };
        var samples = new List<Sample>();
        await foreach (var sample in Task(taskId).GenerateAsync(context, CancellationToken.None))
        {
            samples.Add(sample);
        }

        return samples;
    }

    /// <summary>The relative image path of a sample under the data root, '/'-separated.</summary>
    public string ImageOf(Sample sample) =>
        Path.GetRelativePath(Root, Assert.Single(sample.Images).Path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>Runs the chain's steps over the given rule judges only (model steps and the steps over them left out).</summary>
    public static async Task<IReadOnlyDictionary<string, JudgeVerdict>> RunRulesAsync(string taskId, Sample sample, string answer, params string[] judges)
    {
        var chain = VerdictChain.Build(taskId, Task(taskId).Verdicts, models: null, only: judges);
        var response = new ModelResponse(
            sample.Id, "clean", "baseline:oracle", sample.TaskId, "h", ResponseStatus.Answered, answer, "stop", null, 0, null, null, 1, false, string.Empty);
        var verdicts = await VerdictChainRunner.RunAsync(chain, sample, response, CancellationToken.None);
        return verdicts.ToDictionary(v => v.Judge.Id, v => v.Verdict, StringComparer.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
