using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Sources.Official;

/// <summary>
/// Base of the official-release loaders. A loader lists the data it needs (<see cref="RequiredData"/>) and streams
/// <see cref="OfficialItem"/>s in the release's order (<see cref="ItemsAsync"/>); this class reads and hashes their images
/// in a bounded, order-preserving window (<see cref="ImageReadParallelism"/> files at a time), turns a missing or corrupt
/// image into the sample's input error (a typed error row, never a crash or a silent drop) and stops after
/// <see cref="TaskGenerationContext.Count"/> samples. Thread-safe; each enumeration owns its state.
/// </summary>
public abstract class OfficialSource : ISampleSource
{
    /// <summary>How many samples' images are read ahead at once.</summary>
    public const int ImageReadParallelism = 8;

    public string Suite => TaskSuites.Official;

    public abstract IReadOnlyList<string> RequiredData { get; }

    public async IAsyncEnumerable<Sample> ReadAsync(
        TaskInfo task, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        var root = context.DataRoot ?? throw new InvalidOperationException(
            $"{task.Id}: the official source needs the release's data root (pass --data DIR or set data_root: in the pipeline)");
        if (context.Count <= 0)
        {
            yield break;
        }

        var window = new Queue<Task<Sample>>();
        var produced = 0;
        await foreach (var item in ItemsAsync(root, context, cancellationToken).ConfigureAwait(false))
        {
            window.Enqueue(CreateAsync(task, root, item, cancellationToken));
            if (window.Count >= ImageReadParallelism)
            {
                yield return await window.Dequeue().ConfigureAwait(false);
                if (++produced >= context.Count)
                {
                    await DrainAsync(window).ConfigureAwait(false);
                    yield break;
                }
            }
        }

        while (window.Count > 0 && produced < context.Count)
        {
            yield return await window.Dequeue().ConfigureAwait(false);
            produced++;
        }

        await DrainAsync(window).ConfigureAwait(false);
    }

    public async Task<long> CountAsync(TaskInfo task, TaskGenerationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = context.DataRoot ?? throw new InvalidOperationException(
            $"{task.Id}: the official source needs the release's data root (pass --data DIR or set data_root: in the pipeline)");
        long count = 0;
        await foreach (var _ in ItemsAsync(root, context, cancellationToken).ConfigureAwait(false))
        {
            if (++count >= context.Count)
            {
                break;
            }
        }

        return count;
    }

    /// <summary>
    /// The release's items in its order (annotation order; folder walks sorted by name). Malformed annotations throw
    /// <see cref="AnnotationException"/> naming file:line.
    /// </summary>
    protected abstract IAsyncEnumerable<OfficialItem> ItemsAsync(string dataRoot, TaskGenerationContext context, CancellationToken cancellationToken);

    private static async Task<Sample> CreateAsync(TaskInfo task, string root, OfficialItem item, CancellationToken cancellationToken)
    {
        var loaded = new OfficialImages.Loaded[item.Images.Count];
        for (var i = 0; i < loaded.Length; i++)
        {
            loaded[i] = await OfficialImages.LoadAsync(root, item.Images[i], cancellationToken).ConfigureAwait(false);
        }

        var metadata = OfficialImages.WithProblems(item.Metadata ?? ImmutableDictionary<string, string>.Empty, loaded);
        return Sample.Create(task, item.Subset, item.Prompt, [.. loaded.Select(l => l.Image), .. item.GeneratedImages], item.Target, metadata);
    }

    private static async Task DrainAsync(Queue<Task<Sample>> window)
    {
        while (window.Count > 0)
        {
            try
            {
                await window.Dequeue().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
