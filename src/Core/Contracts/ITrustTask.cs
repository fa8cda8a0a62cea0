using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Core.Records;

namespace MultiTrust.Core.Contracts;

/// <summary>
/// A runnable task: a task definition (facts, generation settings, verdict chain, metrics, formula) bound to one sample
/// source (<see cref="Suite"/>: the official release or a synthetic generator). Implementations are stateless and
/// thread-safe.
/// </summary>
public interface ITrustTask
{
    TaskInfo Info { get; }

    /// <summary>The suite of the source in use: <see cref="TaskSuites.Official"/> or <see cref="TaskSuites.Synthetic"/>.</summary>
    string Suite { get; }

    /// <summary>The protocol's generation settings for this task (max tokens, greedy decoding).</summary>
    TaskGenerationSettings Generation { get; }

    /// <summary>The verdict chain run on every answered response, in order (each step one judgments row).</summary>
    IReadOnlyList<VerdictStep> Verdicts { get; }

    IReadOnlyList<MetricDefinition> Metrics { get; }

    /// <summary>
    /// Files and folders under the data root the source needs (relative paths, '/'-separated); empty for synthetic
    /// sources. A run checks them before anything is sent.
    /// </summary>
    IReadOnlyList<string> RequiredData { get; }

    /// <summary>The most distinct samples the source can give (a synthetic generator's space); null when unknown until read.</summary>
    long? SampleCapacity => null;

    /// <summary>
    /// Streams the task's samples, deterministically for a given <see cref="TaskGenerationContext.Seed"/> and count:
    /// the same seed (and data) yields the same samples with the same image bytes.
    /// </summary>
    IAsyncEnumerable<Sample> GenerateAsync(TaskGenerationContext context, CancellationToken cancellationToken);

    /// <summary>
    /// The number of samples <see cref="GenerateAsync"/> will yield, checking the source's data on the way (an official
    /// source reads its annotations and throws naming file:line on a malformed one). Synthetic: the count.
    /// </summary>
    Task<long> CountAsync(TaskGenerationContext context, CancellationToken cancellationToken) => Task.FromResult((long)context.Count);

    /// <summary>
    /// The MultiTrust task score (0–100) from this task's metric rows for one model, or a row with a null value and a
    /// note saying why it cannot be computed. The note names the suite.
    /// </summary>
    ScoreRow Score(string runId, string modelId, IReadOnlyList<MetricRow> metrics);
}
