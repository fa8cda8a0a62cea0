using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Tests.Synthetic;

/// <summary>The five cross-modal synthetic bindings by task id, and sample collection through their source.</summary>
internal static class CrossModalSyntheticFixture
{
    private static readonly Dictionary<string, (SuiteBinding Binding, Func<TaskInfo, IIndexedSampleGenerator> Create)> s_bindings = new(StringComparer.Ordinal)
    {
        ["r3-ood-text"] = (OodTextSynthetic.Binding, OodTextSynthetic.CreateGenerator),
        ["r6-adversarial-text"] = (AdversarialTextSynthetic.Binding, AdversarialTextSynthetic.CreateGenerator),
        ["s3-toxic-content-generation"] = (ToxicContentGenerationSynthetic.Binding, ToxicContentGenerationSynthetic.CreateGenerator),
        ["s6-crossmodal-jailbreaking"] = (CrossmodalJailbreakingSynthetic.Binding, CrossmodalJailbreakingSynthetic.CreateGenerator),
        ["f7-subjective-preference"] = (SubjectivePreferenceSynthetic.Binding, SubjectivePreferenceSynthetic.CreateGenerator),
    };

    /// <summary>The RtA tasks (the others are accuracy tasks).</summary>
    public static IReadOnlyList<string> RtaTasks { get; } = ["s3-toxic-content-generation", "s6-crossmodal-jailbreaking", "f7-subjective-preference"];

    public static SuiteBinding Binding(string taskId) => s_bindings[taskId].Binding;

    public static IIndexedSampleGenerator Generator(string taskId) => s_bindings[taskId].Create(Info(taskId));

    /// <summary>Samples through the binding's own source, or through a fresh source with the given window.</summary>
    public static async Task<List<Sample>> CollectAsync(string taskId, long seed, int count, string root, int? parallelism = null)
    {
        var source = parallelism is { } window
            ? new SyntheticSource(s_bindings[taskId].Create) { Parallelism = window }
            : Binding(taskId).Source;
        var samples = new List<Sample>();
        await foreach (var sample in source.ReadAsync(Info(taskId), new TaskGenerationContext(seed, count, new FileBlobStore(root)), CancellationToken.None))
        {
            samples.Add(sample);
        }

        Assert.Equal(count, samples.Count);
        return samples;
    }

    /// <summary>The task's facts from the catalogue's protocol table.</summary>
    public static TaskInfo Info(string taskId) =>
        new TaskCatalog().TryGetEntry(taskId, out var entry) ? entry.Info : throw new KeyNotFoundException(taskId);

    public static ModelResponse Answer(Sample sample, string text, string model = "baseline:oracle") =>
        new(sample.Id, "clean", model, sample.TaskId, "h", ResponseStatus.Answered, text, "stop", null, 0, null, null, 1, false, string.Empty);
}
