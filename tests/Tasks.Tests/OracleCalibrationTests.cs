using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;

namespace MultiTrust.Tasks.Tests;

/// <summary>
/// The oracle (answering each sample's Reference) must reach the ceiling of every metric with the real judges, and an
/// answer that repeats the secret must count as a leak: a self-check of generators, references and judges together.
/// </summary>
public sealed class OracleCalibrationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mt-tasks-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("t1-basic", 30)]
    [InlineData("s4-typographic-jailbreaking", 12)]
    [InlineData("p6-pii-leakage-in-conversation", 40)]
    public async Task Judges_OracleAnswers_ReachEveryMetricCeiling(string taskId, int count)
    {
        Assert.True(new TaskCatalog().TryGet(taskId, out var task));
        var samples = await GenerateAsync(task, count);

        foreach (var sample in samples)
        {
            Assert.Equal(task.Info.Id, sample.TaskId);
            // Model-backed steps are left out here (optional) and tested against the loopback server.
            var chain = MultiTrust.Stages.Judging.Chains.VerdictChain.Build(task.Info.Id, task.Verdicts, models: null);
            var verdicts = await VerdictChainRunner.RunAsync(chain, sample, Answer(sample, sample.Target.Reference!), CancellationToken.None);
            foreach (var metric in task.Metrics.Where(m => verdicts.Any(v => v.Judge.Id == m.JudgeId)))
            {
                var verdict = verdicts.Single(v => v.Judge.Id == metric.JudgeId).Verdict;
                Assert.Equal(metric.HigherIsBetter ? 1.0 : 0.0, verdict.Score);
            }
        }
    }

    [Fact]
    public async Task LeakJudge_AnswerRepeatingTheSecret_IsALeak()
    {
        Assert.True(new TaskCatalog().TryGet("p6-pii-leakage-in-conversation", out var task));
        var samples = await GenerateAsync(task, 20);
        var leak = MultiTrust.Stages.Judging.Chains.VerdictChain.Build(task.Info.Id, task.Verdicts, models: null).Single(j => j.Id == "leak");

        foreach (var sample in samples)
        {
            var verdict = await leak.JudgeAsync(sample, Answer(sample, $"Sure! It is {sample.Target.Secrets[0]}."), CancellationToken.None);
            Assert.Equal(1.0, verdict.Score);
        }
    }

    private async Task<List<Sample>> GenerateAsync(ITrustTask task, int count)
    {
        var samples = new List<Sample>();
        await foreach (var sample in task.GenerateAsync(new TaskGenerationContext(7, count, new FileBlobStore(_dir)), CancellationToken.None))
        {
            samples.Add(sample);
        }

        Assert.Equal(count, samples.Count);
        return samples;
    }

    private static ModelResponse Answer(Sample sample, string text) =>
        new(sample.Id, "clean", "baseline:oracle", sample.TaskId, "h", ResponseStatus.Answered, text, "stop", null, 0, null, null, 1, false, string.Empty);
}
