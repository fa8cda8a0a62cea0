using MultiTrust.Core.Records;

namespace MultiTrust.Core.Contracts;

/// <summary>
/// A task: a sample source, the judges to apply to every response, the metrics over their verdicts and the
/// protocol's task-score formula. Implementations are stateless and thread-safe.
/// </summary>
public interface ITrustTask
{
    TaskInfo Info { get; }

    /// <summary>Judges applied to every answered response of this task, in order.</summary>
    IReadOnlyList<IJudge> Judges { get; }

    IReadOnlyList<MetricDefinition> Metrics { get; }

    /// <summary>
    /// Streams the task's samples, deterministically for a given <see cref="TaskGenerationContext.Seed"/> and count:
    /// the same seed yields the same samples with the same image bytes.
    /// </summary>
    IAsyncEnumerable<Sample> GenerateAsync(TaskGenerationContext context, CancellationToken cancellationToken);

    /// <summary>
    /// The MultiTrust task score (0–100) from this task's metric rows for one model, or a row with a null value and a
    /// note saying why it cannot be computed.
    /// </summary>
    ScoreRow Score(string runId, string modelId, IReadOnlyList<MetricRow> metrics);
}
