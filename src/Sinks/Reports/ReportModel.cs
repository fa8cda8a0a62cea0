using System.Text.Json;
using MultiTrust.Core.Records;
using MultiTrust.Core.Runs;
using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Reports;

/// <summary>
/// Everything a run report shows. Immutable; build it with <see cref="FromRunCard"/> or an object initialiser.
/// The report renders rows in the order given within each model (metric rows as the aggregator sorts them, score rows
/// grouped overall → sub-aspects → tasks), so the same model always yields the same bytes.
/// </summary>
public sealed record ReportModel
{
    public required string RunId { get; init; }

    /// <summary>The run card text (<c>run.json</c>) shown verbatim in the report, or null when there is none.</summary>
    public string? RunCardJson { get; init; }

    public RunCardFacts RunCard { get; init; } = RunCardFacts.Empty;

    /// <summary>
    /// Shows the banner "Synthetic suite — scores are not comparable to the MultiTrust paper". <see cref="FromRunCard"/>
    /// sets it from <see cref="RunCardFacts.IsSynthetic"/>.
    /// </summary>
    public bool SyntheticSuite { get; init; }

    public IReadOnlyList<MetricRow> Metrics { get; init; } = [];

    /// <summary>Task, sub-aspect and overall score rows of every model.</summary>
    public IReadOnlyList<ScoreRow> Scores { get; init; } = [];

    public IReadOnlyList<ErrorCountRow> ErrorCounts { get; init; } = [];

    /// <summary>
    /// Per (model, task): judgments judged (every status but skipped) and how many a judge could not decide
    /// (<c>ambiguous</c>). The report shows the ambiguous rate per task in "Undecided verdicts"; ambiguous verdicts are left
    /// out of the metrics' denominators, so a high rate means a score rests on fewer responses than were answered.
    /// </summary>
    public IReadOnlyList<AmbiguousCountRow> AmbiguousCounts { get; init; } = [];

    /// <summary>
    /// Clean-vs-perturbed statistics of the run (the rows of <c>paired.parquet</c>). The report shows them in the section
    /// "Clean vs perturbed", sorted by model, task, metric and variant; the section is left out when there are none.
    /// </summary>
    public IReadOnlyList<PerturbationEffectRow> PerturbationEffects { get; init; } = [];

    /// <summary>
    /// Per task and model, the worst-judged responses (see <see cref="DrillDown.WorstExamplesQuery"/>); the report's
    /// "Worst examples" section, left out when empty.
    /// </summary>
    public IReadOnlyList<DrillDown.WorstExample> WorstExamples { get; init; } = [];

    /// <summary>Per task and model, the command that lists every ranked example (shown under its table).</summary>
    public IReadOnlyList<DrillDown.DrillDownCommand> DrillDownCommands { get; init; } = [];

    /// <summary>Extra model-call attempts over the run (attempts − 1 summed).</summary>
    public long RetryTotal { get; init; }

    /// <summary>Responses served from the response cache.</summary>
    public long CacheHits { get; init; }

    /// <summary>Builds a model from a run card: its key facts, its JSON text and the synthetic-suite flag.</summary>
    /// <param name="perturbationEffects">Clean-vs-perturbed rows (<see cref="PerturbationEffects"/>); null means none.</param>
    /// <param name="ambiguousCounts">Judged and ambiguous judgments per task (<see cref="AmbiguousCounts"/>); null means none.</param>
    public static ReportModel FromRunCard(
        RunCard card,
        IReadOnlyList<MetricRow> metrics,
        IReadOnlyList<ScoreRow> scores,
        IReadOnlyList<ErrorCountRow> errorCounts,
        long retryTotal,
        long cacheHits,
        IReadOnlyList<PerturbationEffectRow>? perturbationEffects = null,
        IReadOnlyList<AmbiguousCountRow>? ambiguousCounts = null)
    {
        var facts = RunCardFacts.From(card);
        return new ReportModel
        {
            RunId = card.RunId,
            RunCardJson = JsonSerializer.Serialize(card, RunCardFactory.Json),
            RunCard = facts,
            SyntheticSuite = facts.IsSynthetic,
            Metrics = metrics,
            Scores = scores,
            ErrorCounts = errorCounts,
            RetryTotal = retryTotal,
            CacheHits = cacheHits,
            PerturbationEffects = perturbationEffects ?? [],
            AmbiguousCounts = ambiguousCounts ?? [],
        };
    }
}
