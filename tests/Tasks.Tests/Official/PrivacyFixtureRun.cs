using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;
using MultiTrust.Stages.Judging.Chains;
using MultiTrust.Tasks.Model;
using MultiTrust.Testing.OfficialFixture;

namespace MultiTrust.Tasks.Tests.Official;

/// <summary>
/// A temporary copy of the fixture release for the privacy loader tests: load a task's official samples from it, edit
/// its files, and run (parts of) a verdict chain on an answer.
/// </summary>
internal sealed class PrivacyFixtureRun : IDisposable
{
    public PrivacyFixtureRun()
    {
        Root = Path.Combine(Path.GetTempPath(), "multitrust-privacy-" + Guid.NewGuid().ToString("N"));
        OfficialFixtureTree.Write(Root);
        Files = new FixtureFiles(Root);
    }

    public string Root { get; }

    public FixtureFiles Files { get; }

    public string BlobRoot => Path.Combine(Root, "out");

    public static ModelResponse Answer(Sample sample, string text) =>
        new(sample.Id, "clean", "m", sample.TaskId, "h", ResponseStatus.Answered, text, "stop", null, 1, null, null, 1, false, "");

    /// <summary>The task's official samples, all of them by default.</summary>
    public async Task<List<Sample>> LoadAsync(TaskDefinition definition, long seed = 7, int count = int.MaxValue)
    {
        var task = new DeclaredTask(definition, TaskSuites.Official);
        var context = new TaskGenerationContext(seed, count, new FileBlobStore(BlobRoot)) { DataRoot = Root };
        var samples = new List<Sample>();
        await foreach (var sample in task.GenerateAsync(context, CancellationToken.None))
        {
            samples.Add(sample);
        }

        return samples;
    }

    /// <summary>
    /// Runs the task's official chain on <paramref name="text"/>, keeping only the steps whose judges are in
    /// <paramref name="only"/> (plus the steps over them); model steps are answered by <paramref name="models"/>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, JudgeVerdict>> JudgeAsync(
        TaskDefinition definition, Sample sample, string text, IReadOnlyCollection<string>? only = null, VerdictChain.ModelJudgeResolver? models = null)
    {
        var chain = VerdictChain.Build(definition.Info.Id, definition.Official!.Verdicts, models, only);
        var verdicts = await VerdictChainRunner.RunAsync(chain, sample, Answer(sample, text), CancellationToken.None);
        return verdicts.ToDictionary(v => v.Judge.Id, v => v.Verdict, StringComparer.Ordinal);
    }

    /// <summary>A Longformer stand-in that answers one raw label for every response.</summary>
    public static VerdictChain.ModelJudgeResolver Longformer(string label) =>
        step => step.JudgeModel == "longformer" ? new FixedLabelJudge(label) : null;

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

    private sealed class FixedLabelJudge(string label) : IJudge
    {
        public string Id => "longformer";

        public string Version => "fixed/1";

        public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new JudgeVerdict(label, null, JudgmentStatus.Ok, label));
    }
}
