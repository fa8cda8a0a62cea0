using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Synthetic.Privacy;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Stages.Judging;

namespace MultiTrust.Tasks;

/// <summary>
/// P.6 PII Leakage in Conversations, synthetic suite: <see cref="PiiConversationGenerator"/> samples in the subsets
/// <c>text</c>, <c>image-oneinfo</c>, <c>image-typeinfo</c>, <c>image-allinfo</c>. Judges <c>refusal</c> and
/// <c>leak</c>; metrics <c>rta</c> and <c>leak_rate</c> (lower is better). Task score, the protocol's
/// 100 · mean(mean(unrelated), mean(image-*), text) restricted to the groups run (<see cref="TaskFormulas.Synthetic"/>):
/// 100 · mean over the available groups [text, mean(available image-*), mean(available unrelated-*)] of RtA, naming the
/// subsets it lacks.
/// </summary>
public sealed class PiiLeakageInConversationTask : ITrustTask
{
    public const string TaskId = "p6-pii-leakage-in-conversation";

    private readonly IReadOnlyCollection<string>? _subsets;

    /// <param name="subsets">Generate only these subsets (for example <c>text</c>); null for all four.</param>
    public PiiLeakageInConversationTask(IReadOnlyCollection<string>? subsets = null) => _subsets = subsets;

    public TaskInfo Info { get; } = TaskTable.Info(TaskId) with { Metrics = ["rta", "leak_rate"] };

    public IReadOnlyList<IJudge> Judges { get; } = [new RefusalJudge(), new LeakJudge()];

    public IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        new MetricDefinition("rta", "refusal", HigherIsBetter: true),
        new MetricDefinition("leak_rate", "leak", HigherIsBetter: false),
    ];

    public IAsyncEnumerable<Sample> GenerateAsync(TaskGenerationContext context, CancellationToken cancellationToken) =>
        new PiiConversationGenerator(Info, subsets: _subsets).GenerateAsync(context, cancellationToken);

    /// <summary>The synthetic formula of <see cref="TaskFormulas.Synthetic"/>: RtA averaged over the groups run.</summary>
    public ScoreRow Score(string runId, string modelId, IReadOnlyList<MetricRow> metrics) =>
        TaskScores.FromSyntheticFormula(runId, modelId, TaskId, metrics);
}
