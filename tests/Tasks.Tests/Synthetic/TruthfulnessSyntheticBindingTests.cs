using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;
using MultiTrust.Stages.Inference.Baselines;
using MultiTrust.Stages.Judging.Chains;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Tests.Synthetic;

/// <summary>
/// The synthetic T.2, T.5, T.6 and T.7 bindings end to end: generated samples answered by the calibration baselines
/// and judged by the binding's own rule chain. The oracle reaches every metric's ceiling, the random coin sits near
/// chance on yes/no tasks, and every generated subset feeds the task formula.
/// </summary>
public sealed class TruthfulnessSyntheticBindingTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mt-truth-synthetic-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string, int> Tasks => new()
    {
        { AdvancedCognitiveInferenceSynthetic.TaskId, 48 },
        { TextMisleadingSynthetic.TaskId, 24 },
        { VisualConfusionSynthetic.TaskId, 24 },
        { VisualMisleadingSynthetic.TaskId, 24 },
    };

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public async Task OracleBaseline_ThroughTheRuleChain_ReachesEveryMetricCeiling(string taskId, int count)
    {
        var (binding, samples) = await GenerateAsync(taskId, count);
        var chain = VerdictChain.Build(taskId, binding.Verdicts, models: null);
        var oracle = new OracleBaseline();

        foreach (var sample in samples)
        {
            var options = new ChatOptions { AdditionalProperties = new() { [ChatPropertyKeys.Reference] = sample.Target.Reference } };
            var answer = (await oracle.GetResponseAsync([new ChatMessage(ChatRole.User, sample.Prompt)], options)).Text;
            var verdicts = await VerdictChainRunner.RunAsync(chain, sample, Response(sample, answer), CancellationToken.None);
            foreach (var metric in binding.Metrics)
            {
                var verdict = verdicts.Single(v => v.Judge.Id == metric.JudgeId).Verdict;
                Assert.True(verdict.Score == 1.0, $"{taskId} {metric.Name}: '{answer}' scored {verdict.Score} ({verdict.Raw}) on {sample.Prompt}");
            }
        }
    }

    [Theory]
    [InlineData(AdvancedCognitiveInferenceSynthetic.TaskId)]
    [InlineData(VisualConfusionSynthetic.TaskId)]
    public async Task RandomBaseline_YesNoTasks_NearChance(string taskId)
    {
        var (binding, samples) = await GenerateAsync(taskId, 120);
        var chain = VerdictChain.Build(taskId, binding.Verdicts, models: null);
        var coin = new RandomBaseline(seed: 3);

        var scores = new List<double>();
        foreach (var sample in samples)
        {
            var answer = (await coin.GetResponseAsync([new ChatMessage(ChatRole.User, sample.Prompt)])).Text;
            var verdicts = await VerdictChainRunner.RunAsync(chain, sample, Response(sample, answer), CancellationToken.None);
            scores.Add(verdicts.Single(v => v.Judge.Id == "yesno").Verdict.Score!.Value);
        }

        Assert.InRange(scores.Average(), 0.35, 0.65);
    }

    [Theory]
    [InlineData(AdvancedCognitiveInferenceSynthetic.TaskId)]
    [InlineData(VisualConfusionSynthetic.TaskId)]
    public async Task AlwaysYes_BalancedLabels_HalfRight(string taskId)
    {
        var (binding, samples) = await GenerateAsync(taskId, 48);
        var chain = VerdictChain.Build(taskId, binding.Verdicts, models: null);

        var scores = new List<double>();
        foreach (var sample in samples)
        {
            var verdicts = await VerdictChainRunner.RunAsync(chain, sample, Response(sample, "Yes, it is."), CancellationToken.None);
            scores.Add(verdicts.Single(v => v.Judge.Id == "yesno").Verdict.Score!.Value);
        }

        Assert.Equal(0.5, scores.Average());
    }

    [Theory]
    [InlineData(TextMisleadingSynthetic.TaskId)]
    [InlineData(VisualMisleadingSynthetic.TaskId)]
    public async Task Refusal_ContainsTasks_ScoresNothing(string taskId)
    {
        var (binding, samples) = await GenerateAsync(taskId, 12);
        var chain = VerdictChain.Build(taskId, binding.Verdicts, models: null);

        foreach (var sample in samples)
        {
            var verdicts = await VerdictChainRunner.RunAsync(chain, sample, Response(sample, "I'm sorry, but I can't help with that request."), CancellationToken.None);
            Assert.Equal(0.0, verdicts.Single(v => v.Judge.Id == "contains").Verdict.Score);
        }
    }

    [Fact]
    public async Task VisualMisleading_AnswerFromTheMisleadingImage_IsWrong()
    {
        var (binding, samples) = await GenerateAsync(VisualMisleadingSynthetic.TaskId, 40);
        var chain = VerdictChain.Build(VisualMisleadingSynthetic.TaskId, binding.Verdicts, models: null);

        foreach (var sample in samples.Where(s => s.Subset == "misvisual" && s.Metadata["kind"] != "clock"))
        {
            var shown = sample.Metadata["shown"];
            var misled = shown[(shown.LastIndexOfAny([' ', '=']) + 1)..];
            var verdicts = await VerdictChainRunner.RunAsync(chain, sample, Response(sample, misled), CancellationToken.None);
            Assert.Equal(0.0, verdicts.Single(v => v.Judge.Id == "contains").Verdict.Score);
        }
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public async Task Formula_EveryGeneratedSubsetPerfect_Scores100(string taskId, int count)
    {
        var (binding, samples) = await GenerateAsync(taskId, count);
        var rows = samples.Select(s => s.Subset).Distinct().Append("all")
            .SelectMany(subset => binding.Metrics.Select(m => new MetricRow("r", "m", taskId, subset, m.Name, 1.0, 10, null, null, 0)))
            .ToList();

        var result = binding.Formula.Evaluate(rows);

        Assert.Equal(100, result.Value);
        Assert.Empty(result.Missing);
        Assert.Equal(TaskSuites.Synthetic, binding.Source.Suite);
        Assert.Contains("not comparable to the paper", binding.Coverage, StringComparison.Ordinal);
    }

    private async Task<(SuiteBinding Binding, List<Sample> Samples)> GenerateAsync(string taskId, int count)
    {
        var binding = taskId switch
        {
            AdvancedCognitiveInferenceSynthetic.TaskId => AdvancedCognitiveInferenceSynthetic.Binding,
            TextMisleadingSynthetic.TaskId => TextMisleadingSynthetic.Binding,
            VisualConfusionSynthetic.TaskId => VisualConfusionSynthetic.Binding,
            _ => VisualMisleadingSynthetic.Binding,
        };
        Assert.True(new TaskCatalog().TryGet(taskId, out var task));
        var samples = new List<Sample>();
        var context = new TaskGenerationContext(7, count, new FileBlobStore(_dir));
        await foreach (var sample in binding.Source.ReadAsync(task.Info, context, CancellationToken.None))
        {
            samples.Add(sample);
        }

        Assert.Equal(count, samples.Count);
        return (binding, samples);
    }

    private static ModelResponse Response(Sample sample, string text) =>
        new(sample.Id, "clean", "baseline", sample.TaskId, "h", ResponseStatus.Answered, text, "stop", null, 0, null, null, 1, false, string.Empty);
}
