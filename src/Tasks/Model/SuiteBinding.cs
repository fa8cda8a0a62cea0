using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Stages.Aggregation.Formulas;

namespace MultiTrust.Tasks.Model;

/// <summary>
/// How a task runs on one suite: the sample source, the verdict chain, the metrics over the chain's steps and the task
/// formula. The official binding follows the protocol exactly; a synthetic binding may depart where its data does
/// (its formula then comes from <see cref="TaskFormulas.Synthetic"/>).
/// </summary>
/// <param name="Source">Where the samples come from; its <see cref="ISampleSource.Suite"/> labels the run.</param>
/// <param name="Verdicts">The verdict chain, in order.</param>
/// <param name="Metrics">Metrics, each reading one step.</param>
/// <param name="Formula">The task-score formula.</param>
public sealed record SuiteBinding(
    ISampleSource Source,
    IReadOnlyList<VerdictStep> Verdicts,
    IReadOnlyList<MetricDefinition> Metrics,
    TaskFormula Formula)
{
    /// <summary>What this suite covers, for <c>multitrust tasks</c>.</summary>
    public string Coverage { get; init; } = "";

    /// <summary>
    /// A note that replaces the generic "not scored" message when the formula lacks inputs (for example S.4's ASR
    /// without the HarmBench classifier); null for the generic message.
    /// </summary>
    public Func<FormulaResult, string?>? NotScoredNote { get; init; }

    /// <summary>
    /// Variant ids whose rows of the <c>text</c> subset stand in for the protocol's subsets of the same name when the
    /// task is scored (a synthetic task whose unrelated-image groups come from the pipeline's <c>unrelated-*</c>
    /// variants). Empty for official bindings, whose loaders produce those subsets themselves.
    /// </summary>
    public IReadOnlyList<string> VariantsAsSubsets { get; init; } = [];
}
