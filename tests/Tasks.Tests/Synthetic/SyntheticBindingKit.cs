using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Tests.Synthetic;

/// <summary>Generates a synthetic binding's samples and runs its rule chain (no judge models) on answers.</summary>
internal static class SyntheticBindingKit
{
    public static async Task<List<Sample>> GenerateAsync(SuiteBinding binding, string taskId, int count, string outputRoot, long seed = 7)
    {
        var samples = new List<Sample>();
        var context = new TaskGenerationContext(seed, count, new FileBlobStore(outputRoot));
        await foreach (var sample in binding.Source.ReadAsync(new TaskInfo(taskId, "X", "Aspect", "X.X", taskId, []), context, CancellationToken.None))
        {
            samples.Add(sample);
        }

        Assert.Equal(count, samples.Count);
        return samples;
    }

    /// <summary>Score of every step that ran, by step id.</summary>
    public static async Task<Dictionary<string, double?>> ScoresAsync(SuiteBinding binding, Sample sample, string answer)
    {
        var chain = MultiTrust.Stages.Judging.Chains.VerdictChain.Build(sample.TaskId, binding.Verdicts, models: null);
        var verdicts = await VerdictChainRunner.RunAsync(chain, sample, Answer(sample, answer), CancellationToken.None);
        return verdicts.ToDictionary(v => v.Judge.Id, v => v.Verdict.Score, StringComparer.Ordinal);
    }

    /// <summary>Asserts every metric whose step ran sits at its ceiling (1 when higher is better, else 0).</summary>
    public static async Task AssertCeilingAsync(SuiteBinding binding, Sample sample, string answer)
    {
        var scores = await ScoresAsync(binding, sample, answer);
        Assert.Contains(binding.Metrics, m => scores.ContainsKey(m.JudgeId));
        foreach (var metric in binding.Metrics.Where(m => scores.ContainsKey(m.JudgeId)))
        {
            Assert.Equal(metric.HigherIsBetter ? 1.0 : 0.0, scores[metric.JudgeId]);
        }
    }

    private static ModelResponse Answer(Sample sample, string text) =>
        new(sample.Id, "clean", "baseline:oracle", sample.TaskId, "h", ResponseStatus.Answered, text, "stop", null, 0, null, null, 1, false, string.Empty);
}
