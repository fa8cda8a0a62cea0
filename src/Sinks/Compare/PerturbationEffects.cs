using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Sinks.Compare;

/// <summary>
/// Clean-vs-perturbed statistics within one run: for every (model, task, metric, variant ≠ <see cref="CleanVariantId"/>)
/// each variant judgment is paired with the clean judgment of the same sample, judge and model, and compared with
/// <see cref="PairedOutcomes"/> (Newcombe CI and McNemar for 0/1 scores, paired t otherwise). Metrics are the
/// mean-of-score <see cref="MetricDefinition"/>s of each task; judgments count by the rule of <see cref="CountedScore"/>.
/// Memory is proportional to the number of clean samples (see <see cref="PairedOutcomes"/>). Stateless.
/// </summary>
public static class PerturbationEffects
{
    /// <summary>The variant id of the unperturbed sample.</summary>
    public const string CleanVariantId = "clean";

    /// <summary>Rows sorted by model, task, metric (declaration order) and variant; variants with no pair are left out.</summary>
    /// <exception cref="InvalidOperationException">A judgment belongs to a task with no metric definitions.</exception>
    public static IReadOnlyList<PerturbationEffectRow> Compute(
        string runId, IEnumerable<Judgment> judgments, IReadOnlyDictionary<string, IReadOnlyList<MetricDefinition>> metricsByTask)
    {
        ArgumentNullException.ThrowIfNull(judgments);
        var outcomes = new PairedOutcomes();
        foreach (var judgment in judgments)
        {
            Add(outcomes, judgment, metricsByTask);
        }

        return Rows(runId, outcomes, metricsByTask);
    }

    /// <inheritdoc cref="Compute"/>
    public static async Task<IReadOnlyList<PerturbationEffectRow>> ComputeAsync(
        string runId,
        IAsyncEnumerable<Judgment> judgments,
        IReadOnlyDictionary<string, IReadOnlyList<MetricDefinition>> metricsByTask,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judgments);
        var outcomes = new PairedOutcomes();
        await foreach (var judgment in judgments.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            Add(outcomes, judgment, metricsByTask);
        }

        return Rows(runId, outcomes, metricsByTask);
    }

    private static void Add(PairedOutcomes outcomes, Judgment judgment, IReadOnlyDictionary<string, IReadOnlyList<MetricDefinition>> metricsByTask)
    {
        ArgumentNullException.ThrowIfNull(judgment);
        if (!metricsByTask.TryGetValue(judgment.TaskId, out var metrics))
        {
            throw new InvalidOperationException(
                $"Judgment of sample '{judgment.SampleId}' (judge '{judgment.JudgeId}', model '{judgment.ModelId}') belongs to task " +
                $"'{judgment.TaskId}', which has no metric definitions.");
        }

        if (!metrics.Any(m => string.Equals(m.JudgeId, judgment.JudgeId, StringComparison.Ordinal)) || !CountedScore.TryGet(judgment, out var score))
        {
            return;
        }

        var key = new PairingKey(judgment.ModelId, judgment.TaskId, judgment.JudgeId, judgment.SampleId);
        if (string.Equals(judgment.VariantId, CleanVariantId, StringComparison.Ordinal))
        {
            outcomes.AddReference(key, score);
        }
        else
        {
            outcomes.AddCandidate(key, judgment.VariantId, score);
        }
    }

    private static List<PerturbationEffectRow> Rows(
        string runId, PairedOutcomes outcomes, IReadOnlyDictionary<string, IReadOnlyList<MetricDefinition>> metricsByTask)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var rows = new List<PerturbationEffectRow>();
        foreach (var byModelTask in outcomes.Build().Where(g => g.Comparison is not null).GroupBy(g => (g.ModelId, g.TaskId)))
        {
            foreach (var metric in metricsByTask[byModelTask.Key.TaskId])
            {
                foreach (var group in byModelTask.Where(g => g.JudgeId == metric.JudgeId).OrderBy(g => g.Label, StringComparer.Ordinal))
                {
                    var c = group.Comparison!;
                    rows.Add(new PerturbationEffectRow(
                        runId, group.ModelId, group.TaskId, metric.Name, group.Label, group.Pairs, c.ValueA, c.ValueB, c.Delta,
                        c.CiLow, c.CiHigh, c.McNemarB, c.McNemarC, c.PValue));
                }
            }
        }

        return rows;
    }
}
