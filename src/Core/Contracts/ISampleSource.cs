using MultiTrust.Core.Records;

namespace MultiTrust.Core.Contracts;

/// <summary>
/// Where a task's samples come from: the official release under a data root, or a seeded synthetic generator. A task
/// definition is bound to one source per run; the suite label on run cards and scores is the source's
/// <see cref="Suite"/>. Implementations are immutable and thread-safe; each enumeration owns its state.
/// </summary>
public interface ISampleSource
{
    /// <summary><see cref="TaskSuites.Official"/> or <see cref="TaskSuites.Synthetic"/>.</summary>
    string Suite { get; }

    /// <summary>Files and folders under the data root this source reads ('/'-separated); empty for synthetic sources.</summary>
    IReadOnlyList<string> RequiredData { get; }

    /// <summary>
    /// The most distinct samples this source can give for <paramref name="task"/> (a synthetic generator's declared
    /// space), or null when only reading the data tells (the official release). Checked before anything is sent.
    /// </summary>
    long? CapacityOf(TaskInfo task) => null;

    /// <summary>Streams the samples of <paramref name="task"/>; at most <see cref="TaskGenerationContext.Count"/>.</summary>
    IAsyncEnumerable<Sample> ReadAsync(TaskInfo task, TaskGenerationContext context, CancellationToken cancellationToken);

    /// <summary>
    /// How many samples <see cref="ReadAsync"/> would yield (at most <see cref="TaskGenerationContext.Count"/>), reading the
    /// annotations without images: run before anything is sent, so a malformed line (file:line) stops the run early.
    /// </summary>
    Task<long> CountAsync(TaskInfo task, TaskGenerationContext context, CancellationToken cancellationToken) =>
        Task.FromResult((long)context.Count);
}
