using MultiTrust.Sinks.Results;
using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Compare;

public sealed partial class RunComparer
{
    private const string AllLabel = "all";

    /// <summary>
    /// Streams the judgments of both runs into one <see cref="PairedOutcomes"/>: run A is the reference side, run B the
    /// candidate; the model label of a pair is model A's id, and pairs match on (task, judge, sample id, variant id).
    /// </summary>
    private async Task<Dictionary<(string Model, string Task, string Judge), PairedGroup>> PairAsync(
        string runDirA, string runDirB, IReadOnlyList<ModelPair> models, CancellationToken cancellationToken)
    {
        var store = new RunStore();
        var outcomes = new PairedOutcomes();
        var byModelA = models.ToDictionary(m => m.ModelA, m => m.ModelA, StringComparer.Ordinal);
        var byModelB = models.ToDictionary(m => m.ModelB, m => m.ModelA, StringComparer.Ordinal);
        var judges = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);

        await foreach (var j in store.ReadJudgmentsAsync(runDirA, cancellationToken).ConfigureAwait(false))
        {
            if (byModelA.TryGetValue(j.ModelId, out var label) && Counts(j, judges, out var score))
            {
                outcomes.AddReference(new PairingKey(label, j.TaskId, j.JudgeId, PairOn(j.SampleId, j.VariantId)), score);
            }
        }

        await foreach (var j in store.ReadJudgmentsAsync(runDirB, cancellationToken).ConfigureAwait(false))
        {
            if (byModelB.TryGetValue(j.ModelId, out var label) && Counts(j, judges, out var score))
            {
                outcomes.AddCandidate(new PairingKey(label, j.TaskId, j.JudgeId, PairOn(j.SampleId, j.VariantId)), AllLabel, score);
            }
        }

        return outcomes.Build().ToDictionary(g => (g.ModelId, g.TaskId, g.JudgeId));
    }

    private bool Counts(Core.Records.Judgment judgment, Dictionary<string, IReadOnlyCollection<string>> judges, out double score)
    {
        if (!judges.TryGetValue(judgment.TaskId, out var taskJudges))
        {
            taskJudges = _catalog.JudgesOf(judgment.TaskId);
            judges.Add(judgment.TaskId, taskJudges);
        }

        score = 0;
        return taskJudges.Contains(judgment.JudgeId) && CountedScore.TryGet(judgment, out score);
    }

    private static string PairOn(string sampleId, string variantId) => sampleId + "\u001f" + variantId;
}
