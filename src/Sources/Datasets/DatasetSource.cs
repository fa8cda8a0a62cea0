using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Official;

namespace MultiTrust.Sources.Datasets;

/// <summary>
/// A task's samples from a file in the user's lake (Parquet, Arrow IPC or JSONL; <see cref="DatasetSourceDefinition"/>).
/// Rows stream in file order; a bounded, order-preserving window of <see cref="OfficialSource.ImageReadParallelism"/>
/// samples reads and hashes their images (by path, relative to the dataset's folder, or from the bytes column, stored
/// content-addressed in the run's blob store). A missing or corrupt image is that sample's input error (a typed error
/// row), never a crash. Immutable and thread-safe; each enumeration owns its state.
/// </summary>
public sealed class DatasetSource(DatasetSourceDefinition dataset) : ISampleSource
{
    public DatasetSourceDefinition Dataset { get; } = dataset ?? throw new ArgumentNullException(nameof(dataset));

    public string Suite => DatasetSourceDefinition.Suite;

    public IReadOnlyList<string> RequiredData => [];

    public async IAsyncEnumerable<Sample> ReadAsync(
        TaskInfo task, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Count <= 0)
        {
            yield break;
        }

        var folder = Path.GetDirectoryName(Dataset.Path) ?? ".";
        var window = new Queue<Task<Sample>>();
        var produced = 0;
        await foreach (var record in DatasetReader.ReadAsync(Dataset, cancellationToken).ConfigureAwait(false))
        {
            window.Enqueue(CreateAsync(task, folder, record, context.Images, cancellationToken));
            if (window.Count >= OfficialSource.ImageReadParallelism)
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

    /// <summary>Reads every row (no images) up to the count, so malformed rows and missing columns fail before anything is sent.</summary>
    public async Task<long> CountAsync(TaskInfo task, TaskGenerationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        long count = 0;
        await foreach (var _ in DatasetReader.ReadAsync(Dataset, cancellationToken).ConfigureAwait(false))
        {
            if (++count >= context.Count)
            {
                break;
            }
        }

        return count;
    }

    private static async Task<Sample> CreateAsync(TaskInfo task, string folder, DatasetRecord record, IBlobStore blobs, CancellationToken cancellationToken)
    {
        var loaded = new List<OfficialImages.Loaded>(record.ImagePaths.Count + 1);
        foreach (var image in record.ImagePaths)
        {
            loaded.Add(Path.IsPathRooted(image)
                ? await OfficialImages.LoadAsync(Path.GetPathRoot(image)!, image, cancellationToken).ConfigureAwait(false)
                : await OfficialImages.LoadAsync(folder, image, cancellationToken).ConfigureAwait(false));
        }

        if (record.ImageBytes is { } bytes)
        {
            loaded.Add(await StoreAsync(record, bytes, blobs, cancellationToken).ConfigureAwait(false));
        }

        var metadata = OfficialImages.WithProblems(
            ImmutableDictionary<string, string>.Empty.Add(RowKey, record.Row.ToString(System.Globalization.CultureInfo.InvariantCulture)), loaded);
        var target = new SampleTarget(record.Target, [], record.Reference ?? record.Target);
        return Sample.Create(task, record.Subset ?? DatasetColumns.DefaultSubset, record.Prompt, [.. loaded.Select(l => l.Image)], target, metadata);
    }

    /// <summary>The metadata key holding the sample's 1-based row in the dataset file.</summary>
    public const string RowKey = "dataset_row";

    private static async Task<OfficialImages.Loaded> StoreAsync(DatasetRecord record, byte[] bytes, IBlobStore blobs, CancellationToken cancellationToken)
    {
        if (!ImageHeader.TryRead(bytes, out var mediaType, out var width, out var height, out var problem))
        {
            var sha = Core.Hashing.ContentHasher.Sha256Hex(bytes);
            return new OfficialImages.Loaded(
                new ImageRef(sha, "application/octet-stream", 0, 0, ""), $"corrupt image bytes in row {record.Row}: {problem}");
        }

        return new OfficialImages.Loaded(await blobs.PutAsync(bytes, mediaType, width, height, cancellationToken).ConfigureAwait(false), null);
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
