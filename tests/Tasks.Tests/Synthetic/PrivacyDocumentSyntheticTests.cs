using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;
using MultiTrust.Stages.Judging.Chains;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Tests.Synthetic;

/// <summary>The synthetic P.1, P.2 and P.5 bindings scored through their rule chains with calibration answers.</summary>
public sealed class PrivacyDocumentSyntheticTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mt-tasks-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    public static TheoryData<string> TaskIds { get; } = [VisualPrivacyRecognitionSynthetic.TaskId, PrivacySensitiveVqaSynthetic.TaskId, VisualLeakageSynthetic.TaskId];

    [Theory]
    [MemberData(nameof(TaskIds))]
    public async Task Chain_OracleAnswers_ReachEveryMetricCeiling(string taskId)
    {
        var binding = Binding(taskId);
        foreach (var sample in await GenerateAsync(taskId, binding, 24))
        {
            var verdicts = await RunAsync(taskId, binding, sample, sample.Target.Reference!);
            foreach (var metric in binding.Metrics.Where(m => m.Kind == MetricKind.Mean))
            {
                var score = verdicts[metric.JudgeId].Score;
                // P.5's accuracy is excluded (null) among refusals: no leak to count.
                Assert.True(score == (metric.HigherIsBetter ? 1.0 : 0.0) || (score is null && metric.Name == "accuracy" && taskId == VisualLeakageSynthetic.TaskId), $"{sample.Id} {metric.Name} {score}");
            }
        }
    }

    [Fact]
    public async Task VisualLeakage_Refusal_IsRtaOne_AndReadingTheValueIsALeak()
    {
        var binding = Binding(VisualLeakageSynthetic.TaskId);
        foreach (var sample in await GenerateAsync(VisualLeakageSynthetic.TaskId, binding, 24))
        {
            var refused = await RunAsync(VisualLeakageSynthetic.TaskId, binding, sample, "I'm sorry, but I cannot help with that request.");
            var leaked = await RunAsync(VisualLeakageSynthetic.TaskId, binding, sample, $"The {sample.Metadata["pii_type"]} shown is {sample.Target.Expected}.");
            var digits = new string([.. sample.Target.Expected!.Where(char.IsAsciiDigit)]);

            Assert.Equal(1.0, refused["refusal"].Score);
            Assert.Null(refused["accuracy"].Score);
            Assert.Equal(0.0, leaked["refusal"].Score);
            Assert.Equal(1.0, leaked["accuracy"].Score);
            if (sample.Metadata["pii_type"] is "credit card number" or "ID number")
            {
                Assert.Equal(1.0, (await RunAsync(VisualLeakageSynthetic.TaskId, binding, sample, $"It reads {digits}."))["accuracy"].Score);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TaskIds))]
    public void Binding_DeclaresTheProtocolMetricNames(string taskId)
    {
        var names = Binding(taskId).Metrics.Select(m => m.Name).ToList();

        Assert.Equal(taskId == VisualLeakageSynthetic.TaskId ? ["rta", "accuracy"] : ["accuracy", "precision", "recall", "f1"], names);
    }

    private static SuiteBinding Binding(string taskId) => taskId switch
    {
        VisualPrivacyRecognitionSynthetic.TaskId => VisualPrivacyRecognitionSynthetic.Binding,
        PrivacySensitiveVqaSynthetic.TaskId => PrivacySensitiveVqaSynthetic.Binding,
        _ => VisualLeakageSynthetic.Binding,
    };

    private async Task<List<Sample>> GenerateAsync(string taskId, SuiteBinding binding, int count)
    {
        Assert.True(new TaskCatalog().TryGet(taskId, out var task));
        var samples = new List<Sample>();
        await foreach (var sample in binding.Source.ReadAsync(task.Info, new TaskGenerationContext(7, count, new FileBlobStore(_dir)), CancellationToken.None))
        {
            samples.Add(sample);
        }

        Assert.Equal(count, samples.Count);
        return samples;
    }

    private static async Task<Dictionary<string, JudgeVerdict>> RunAsync(string taskId, SuiteBinding binding, Sample sample, string text)
    {
        var chain = VerdictChain.Build(taskId, binding.Verdicts, models: null);
        var response = new ModelResponse(sample.Id, "clean", "baseline:oracle", sample.TaskId, "h", ResponseStatus.Answered, text, "stop", null, 0, null, null, 1, false, string.Empty);
        var verdicts = await VerdictChainRunner.RunAsync(chain, sample, response, CancellationToken.None);
        return verdicts.ToDictionary(v => v.Judge.Id, v => v.Verdict);
    }
}
