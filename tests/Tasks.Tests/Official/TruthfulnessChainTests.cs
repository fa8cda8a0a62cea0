using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging.Chains;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Truthfulness.AdvancedCognitiveInference;
using MultiTrust.Tasks.Truthfulness.BasicWorldUnderstanding;
using MultiTrust.Tasks.Truthfulness.InstructionEnhancement;
using MultiTrust.Tasks.Truthfulness.TextMisleading;
using MultiTrust.Tasks.Truthfulness.VisualAssistance;
using MultiTrust.Tasks.Truthfulness.VisualConfusion;
using MultiTrust.Tasks.Truthfulness.VisualMisleading;

namespace MultiTrust.Tasks.Tests.Official;

/// <summary>The truthfulness official bindings as a whole: catalogue, chain structure, formula inputs, oracle ceilings.</summary>
public sealed class TruthfulnessChainTests : IClassFixture<TruthfulnessRelease>
{
    private readonly TruthfulnessRelease _release;

    public TruthfulnessChainTests(TruthfulnessRelease release) => _release = release;

    public static TheoryData<string> TaskIds { get; } =
    [
        "t1-basic", "t2-advanced", "t3-instruction-enhancement", "t4-visual-assistance", "t5-text-misleading", "t6-visual-confusion", "t7-visual-misleading",
    ];

    [Theory]
    [MemberData(nameof(TaskIds))]
    public void Catalog_TruthfulnessTask_RunsOnTheOfficialSuite(string taskId)
    {
        Assert.True(new TaskCatalog().TryGet(taskId, TaskSuites.Official, out var task));
        Assert.Equal(TaskSuites.Official, task.Suite);
        Assert.NotEmpty(task.RequiredData);
    }

    [Theory]
    [MemberData(nameof(TaskIds))]
    public void Official_EveryStepReadsEarlierStepsAndEveryMetricADeclaredStep(string taskId)
    {
        var binding = Definition(taskId).Official!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in binding.Verdicts)
        {
            Assert.All(step.Inputs, input => Assert.Contains(input, seen));
            Assert.True(seen.Add(step.Id), $"{taskId}: step {step.Id} declared twice");
        }

        Assert.All(binding.Metrics, m => Assert.Contains(m.JudgeId, seen));
        Assert.DoesNotContain(binding.Verdicts.OfType<Core.Contracts.Verdicts.ModelVerdict>(), m => m.Optional);
    }

    [Theory]
    [MemberData(nameof(TaskIds))]
    public async Task Formula_FixtureSubsetsWithEveryMetric_AreAllItReads(string taskId)
    {
        var definition = Definition(taskId);
        var subsets = (await _release.LoadAsync(definition)).Select(s => s.Subset).Append("all").Distinct().ToList();
        var rows = subsets
            .SelectMany(subset => definition.Official!.Metrics.Select(m => new MetricRow("run", "model", taskId, subset, m.Name, 1.0, 2, 1.0, 1.0, 0)))
            .ToList();

        var result = definition.Official!.Formula.Evaluate(rows);

        Assert.Empty(result.Missing);
        Assert.Equal(100.0, result.Value);
    }

    [Theory]
    [InlineData("t1-basic", 6)]
    [InlineData("t2-advanced", 18)]
    [InlineData("t6-visual-confusion", 5)]
    public async Task ValidatedYesNo_OracleAnswers_AllCorrect(string taskId, int yesNoSamples)
    {
        var definition = Definition(taskId);
        var chain = VerdictChain.Build(taskId, definition.Official!.Verdicts, models: null, only: ["yesno"]);
        var judged = 0;

        foreach (var sample in await _release.LoadAsync(definition))
        {
            var verdicts = await VerdictChainRunner.RunAsync(chain, sample, Answer(sample, sample.Target.Reference!), CancellationToken.None);
            foreach (var (judge, verdict) in verdicts)
            {
                Assert.Equal("yesno", judge.Id);
                Assert.Equal(1.0, verdict.Score);
                judged++;
            }
        }

        Assert.Equal(yesNoSamples, judged);
    }

    [Theory]
    [InlineData("t2-advanced")]
    [InlineData("t6-visual-confusion")]
    public async Task ProtocolYesNo_OracleAnswers_ReachEveryMetricCeiling(string taskId)
    {
        var definition = Definition(taskId);
        var chain = VerdictChain.Build(taskId, definition.Official!.Verdicts, models: null);

        foreach (var sample in await _release.LoadAsync(definition))
        {
            var verdicts = await VerdictChainRunner.RunAsync(chain, sample, Answer(sample, sample.Target.Reference!), CancellationToken.None);
            Assert.Equal(1.0, verdicts.Single(v => v.Judge.Id == "yesno-protocol").Verdict.Score);
            Assert.Equal(0.0, verdicts.Single(v => v.Judge.Id == "disagreement-yesno").Verdict.Score);
        }
    }

    private static TaskDefinition Definition(string taskId) => taskId switch
    {
        BasicWorldUnderstanding.TaskId => BasicWorldUnderstanding.Definition,
        AdvancedCognitiveInference.TaskId => AdvancedCognitiveInference.Definition,
        InstructionEnhancement.TaskId => InstructionEnhancement.Definition,
        VisualAssistance.TaskId => VisualAssistance.Definition,
        TextMisleading.TaskId => TextMisleading.Definition,
        VisualConfusion.TaskId => VisualConfusion.Definition,
        VisualMisleading.TaskId => VisualMisleading.Definition,
        _ => throw new ArgumentException(taskId, nameof(taskId)),
    };

    private static ModelResponse Answer(Sample sample, string text) =>
        new(sample.Id, "clean", "baseline:oracle", sample.TaskId, "h", ResponseStatus.Answered, text, "stop", null, 0, null, null, 1, false, string.Empty);
}
