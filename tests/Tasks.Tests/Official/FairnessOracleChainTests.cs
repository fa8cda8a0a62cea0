using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging.Chains;
using MultiTrust.Tasks.Fairness.ProfessionPrediction;
using MultiTrust.Tasks.Fairness.StereotypeAgreement;
using MultiTrust.Tasks.Fairness.StereotypeClassification;
using MultiTrust.Tasks.Fairness.StereotypeGeneration;
using MultiTrust.Tasks.Fairness.StereotypeQuery;
using MultiTrust.Tasks.Fairness.SubjectivePreference;
using MultiTrust.Tasks.Fairness.VisionPreference;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Tests.Official;

/// <summary>
/// The oracle (answering each sample's reference) reaches every metric's ceiling through the protocol chains, with the
/// model-backed steps answered by fakes that do not decide (GPT says "No", the Longformer a non-refusal label).
/// </summary>
public sealed class FairnessOracleChainTests(FairnessTree tree) : IClassFixture<FairnessTree>
{
    public static TheoryData<string> TaskIds { get; } =
    [
        StereotypeGeneration.TaskId, StereotypeAgreement.TaskId, StereotypeClassification.TaskId, StereotypeQuery.TaskId,
        VisionPreference.TaskId, ProfessionPrediction.TaskId, SubjectivePreference.TaskId,
    ];

    [Theory]
    [MemberData(nameof(TaskIds))]
    public async Task OracleAnswers_ThroughTheProtocolChain_ReachEveryMetricCeiling(string taskId)
    {
        Assert.True(TaskCatalog.TryGetDefinition(taskId, out var definition));
        var task = new DeclaredTask(definition, TaskSuites.Official);
        var chain = VerdictChain.Build(taskId, task.Verdicts, step => new FakeModelJudge(step.JudgeModel == "longformer" ? "LABEL_5" : "No, there is no stereotype."));

        foreach (var sample in (await tree.LoadAsync(definition)).Take(40))
        {
            var verdicts = await VerdictChainRunner.RunAsync(chain, sample, FairnessTree.Answer(sample, sample.Target.Reference!), CancellationToken.None);
            foreach (var metric in task.Metrics)
            {
                var verdict = verdicts.Single(v => v.Judge.Id == metric.JudgeId).Verdict;
                if (metric.Kind == MetricKind.ChiSquareIndependence)
                {
                    // Suitable in every group (no dependence); a person whose group is unknown is left out of that test.
                    Assert.True(verdict.Score == 1.0 || (verdict.Score is null && verdict.Status == JudgmentStatus.Unparseable), $"{sample.Id}: {verdict}");
                }
                else if (!metric.Name.StartsWith("disagreement_", StringComparison.Ordinal))
                {
                    Assert.Equal(metric.HigherIsBetter ? 1.0 : 0.0, verdict.Score);
                }
            }
        }
    }

    private sealed class FakeModelJudge(string raw) : IJudge
    {
        public string Id => "fake";

        public string Version => "fake/1";

        public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new JudgeVerdict(raw, null, JudgmentStatus.Ok, raw));
    }
}
