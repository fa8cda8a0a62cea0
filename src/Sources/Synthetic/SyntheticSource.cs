using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Sources.Synthetic;

/// <summary>
/// A seeded generator as a task's sample source (suite <see cref="TaskSuites.Synthetic"/>). Indexed generators run in a
/// bounded, order-preserving parallel window (<see cref="Parallelism"/> samples in flight); sequential generators
/// stream as they are. Immutable and thread-safe.
/// </summary>
public sealed class SyntheticSource : ISampleSource
{
    private readonly Func<TaskInfo, ISampleGenerator>? _sequential;
    private readonly Func<TaskInfo, IIndexedSampleGenerator>? _indexed;

    public SyntheticSource(Func<TaskInfo, ISampleGenerator> generator) => _sequential = generator;

    public SyntheticSource(Func<TaskInfo, IIndexedSampleGenerator> generator) => _indexed = generator;

    /// <summary>
    /// Samples generated at once by an indexed generator (default: eight per processor, at least 16). The window is
    /// order-preserving, so one slow sample (a file creation that waits) holds back every sample behind it; a window
    /// of several samples per core keeps the cores busy meanwhile (t1-basic through the CLI: bench/RESULTS.md).
    /// </summary>
    public int Parallelism { get; init; } = Math.Max(16, 8 * Environment.ProcessorCount);

    public string Suite => TaskSuites.Synthetic;

    public IReadOnlyList<string> RequiredData => [];

    /// <summary>The distinct-sample space of an indexed generator; null for a sequential one.</summary>
    public long? CapacityOf(TaskInfo task) => _indexed?.Invoke(task).Capacity;

    public IAsyncEnumerable<Sample> ReadAsync(TaskInfo task, TaskGenerationContext context, CancellationToken cancellationToken) =>
        _indexed is null ? _sequential!(task).GenerateAsync(context, cancellationToken) : ParallelAsync(_indexed(task), task, context, cancellationToken);

    public Task<long> CountAsync(TaskInfo task, TaskGenerationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_indexed?.Invoke(task) is { } generator && context.Count > generator.Capacity)
        {
            throw new ArgumentOutOfRangeException(
                nameof(context), context.Count, $"{task.Id}: the synthetic generator has {generator.Capacity} distinct samples; ask for at most {generator.Capacity}");
        }

        return Task.FromResult((long)context.Count);
    }

    private async IAsyncEnumerable<Sample> ParallelAsync(
        IIndexedSampleGenerator generator, TaskInfo task, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (context.Count > generator.Capacity)
        {
            throw new ArgumentOutOfRangeException(
                nameof(context), context.Count, $"{task.Id}: the synthetic generator has {generator.Capacity} distinct samples; ask for at most {generator.Capacity}");
        }

        var window = new Queue<Task<Sample>>(Parallelism);
        long next = 0;
        try
        {
            while (next < context.Count || window.Count > 0)
            {
                while (next < context.Count && window.Count < Parallelism)
                {
                    var index = next++;
                    window.Enqueue(Task.Run(() => generator.GenerateAsync(index, context, cancellationToken).AsTask(), cancellationToken));
                }

                yield return await window.Dequeue().ConfigureAwait(false);
            }
        }
        finally
        {
            while (window.Count > 0)
            {
                try
                {
                    await window.Dequeue().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The consumer stopped (or a sample failed and its exception is already on its way out).
                }
            }
        }
    }
}
