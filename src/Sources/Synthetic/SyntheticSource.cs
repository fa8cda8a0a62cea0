using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Sources.Synthetic;

/// <summary>
/// A seeded, indexed generator as a task's sample source (suite <see cref="TaskSuites.Synthetic"/>): sample i depends
/// only on (seed, task, i), so samples are rendered in a bounded, order-preserving parallel window (<see cref="Parallelism"/>
/// samples in flight). Immutable and thread-safe.
/// </summary>
public sealed class SyntheticSource : ISampleSource
{
    private readonly Func<TaskInfo, IIndexedSampleGenerator> _generator;

    public SyntheticSource(Func<TaskInfo, IIndexedSampleGenerator> generator) => _generator = generator ?? throw new ArgumentNullException(nameof(generator));

    /// <summary>
    /// Samples generated at once by an indexed generator (default: eight per processor, at least 16). The window is
    /// order-preserving, so one slow sample (a file creation that waits) holds back every sample behind it; a window
    /// of several samples per core keeps the cores busy meanwhile (t1-basic through the CLI: bench/RESULTS.md).
    /// </summary>
    public int Parallelism { get; init; } = Math.Max(16, 8 * Environment.ProcessorCount);

    public string Suite => TaskSuites.Synthetic;

    public IReadOnlyList<string> RequiredData => [];

    /// <summary>The generator's distinct-sample space.</summary>
    public long? CapacityOf(TaskInfo task) => _generator(task).Capacity;

    public IAsyncEnumerable<Sample> ReadAsync(TaskInfo task, TaskGenerationContext context, CancellationToken cancellationToken) =>
        ParallelAsync(_generator(task), task, context, cancellationToken);

    public Task<long> CountAsync(TaskInfo task, TaskGenerationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_generator(task) is var generator && context.Count > generator.Capacity)
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
