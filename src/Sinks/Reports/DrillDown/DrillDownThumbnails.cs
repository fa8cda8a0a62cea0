using System.Globalization;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Storage;

namespace MultiTrust.Sinks.Reports.DrillDown;

/// <summary>
/// Gives each drill-down example thumbnails of its first images. An image is read from the run's content store
/// (<c>&lt;out&gt;/blobs/&lt;aa&gt;/&lt;sha256&gt;.png|jpg</c>) or, failing that, from the path the samples row records,
/// and used only when its SHA-256 matches. The page has a byte budget, spent rank by rank across tasks and models (every
/// table's worst example first, then every second-worst, …); once it is reached, no further picture is embedded. A
/// missing, changed or undecodable image never fails the report: its thumbnail carries a note naming it instead.
/// Deterministic (same examples and files → same thumbnails). Thread-safe: a call keeps no state in the instance.
/// </summary>
public sealed class DrillDownThumbnails
{
    /// <summary>Default budget of all embedded thumbnails of a page, in encoded bytes (base64 adds a third).</summary>
    public const int DefaultPageBudgetBytes = 64 * 1024;

    /// <summary>Default number of images per example that get a thumbnail.</summary>
    public const int DefaultImagesPerExample = 2;

    /// <summary>Files larger than this are not read (no thumbnail-worthy image is this large).</summary>
    private const long MaxFileBytes = 64L * 1024 * 1024;

    public const string BudgetReached = "thumbnail omitted: page image budget reached";

    private readonly ThumbnailMaker _maker;
    private readonly long _pageBudgetBytes;
    private readonly int _imagesPerExample;

    /// <param name="maker">Makes each thumbnail; null for the default size and cap.</param>
    /// <param name="pageBudgetBytes">Encoded bytes all thumbnails of the page may take together (≥ 0).</param>
    /// <param name="imagesPerExample">Images per example that get a thumbnail (≥ 1); the others are listed as not shown.</param>
    public DrillDownThumbnails(ThumbnailMaker? maker = null, long pageBudgetBytes = DefaultPageBudgetBytes, int imagesPerExample = DefaultImagesPerExample)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pageBudgetBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imagesPerExample);
        _maker = maker ?? new ThumbnailMaker();
        _pageBudgetBytes = pageBudgetBytes;
        _imagesPerExample = imagesPerExample;
    }

    /// <summary>The examples, in the given order, each with <see cref="WorstExample.Thumbnails"/> for its images.</summary>
    /// <param name="outDir">The output folder whose <c>blobs/</c> holds the run's images.</param>
    public async Task<IReadOnlyList<WorstExample>> AttachAsync(string outDir, IReadOnlyList<WorstExample> examples, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        var blobRoot = BlobLayout.Root(outDir);
        var made = new Dictionary<string, Thumbnail>(StringComparer.Ordinal);
        var result = new WorstExample[examples.Count];
        var spent = 0L;
        var full = false;
        var order = Enumerable.Range(0, examples.Count)
            .OrderBy(i => examples[i].Rank)
            .ThenBy(i => examples[i].TaskId, StringComparer.Ordinal)
            .ThenBy(i => examples[i].ModelId, StringComparer.Ordinal)
            .ThenBy(i => examples[i].SampleId, StringComparer.Ordinal);
        foreach (var index in order)
        {
            var example = examples[index];
            var thumbnails = new List<Thumbnail>(example.Images.Count);
            for (var i = 0; i < example.Images.Count; i++)
            {
                var (number, image) = (i + 1, example.Images[i]);
                if (i >= _imagesPerExample)
                {
                    thumbnails.Add(Thumbnail.Omitted(number, image, $"thumbnail omitted: at most {_imagesPerExample} images per example are shown"));
                    continue;
                }

                if (full)
                {
                    thumbnails.Add(Thumbnail.Omitted(number, image, BudgetReached));
                    continue;
                }

                var key = image.Sha256 + "\n" + image.Path;
                if (!made.TryGetValue(key, out var thumbnail))
                {
                    thumbnail = await MakeAsync(blobRoot, outDir, image, cancellationToken).ConfigureAwait(false);
                    made[key] = thumbnail;
                }

                if (thumbnail.Bytes is { } bytes && spent + bytes.Length > _pageBudgetBytes)
                {
                    full = true;
                    thumbnails.Add(Thumbnail.Omitted(number, image, BudgetReached));
                    continue;
                }

                spent += thumbnail.Bytes?.Length ?? 0;
                thumbnails.Add(thumbnail with { Number = number });
            }

            result[index] = example with { Thumbnails = thumbnails };
        }

        return result;
    }

    private async Task<Thumbnail> MakeAsync(string blobRoot, string outDir, ExampleImage image, CancellationToken cancellationToken)
    {
        var named = Named(image);
        var candidates = Candidates(blobRoot, outDir, image).Where(BlobLayout.Exists).Distinct(StringComparer.Ordinal).ToList();
        if (candidates.Count == 0)
        {
            return Thumbnail.Omitted(0, image, "image missing: " + named);
        }

        string? problem = null;
        foreach (var path in candidates)
        {
            try
            {
                var packed = BlobPack.IsAddress(path);
                if (!packed && new FileInfo(path).Length > MaxFileBytes)
                {
                    problem = $"image unreadable: {path} is larger than {MaxFileBytes / (1024 * 1024)} MB";
                    continue;
                }

                byte[] bytes;
                try
                {
                    bytes = packed
                        ? await BlobPack.ReadAsync(path, image.Sha256, cancellationToken).ConfigureAwait(false)
                        : await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidDataException e)
                {
                    problem = "image unreadable: " + e.Message; // a pack record that is not there or holds another image
                    continue;
                }

                if (!string.Equals(ContentHasher.Sha256Hex(bytes), image.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    problem = $"image unreadable: {path} no longer matches sha256 {image.Sha256}";
                    continue;
                }

                var thumbnail = _maker.Make(bytes);
                return thumbnail is null
                    ? Thumbnail.Omitted(0, image, $"thumbnail omitted: over the {Bytes(_maker.MaxBytes)}-byte cap per thumbnail ({named})")
                    : new Thumbnail(0, image, thumbnail.MediaType, thumbnail.Bytes, thumbnail.Width, thumbnail.Height, null);
            }
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException or ArgumentException)
            {
                problem = $"image unreadable: {path} is not an image that can be decoded (sha256 {image.Sha256})";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = $"image unreadable: {path} could not be read ({e.GetType().Name}; sha256 {image.Sha256})";
            }
        }

        return Thumbnail.Omitted(0, image, problem!);
    }

    private static IEnumerable<string> Candidates(string blobRoot, string outDir, ExampleImage image)
    {
        if (image.Sha256.Length == 64 && image.Sha256.All(char.IsAsciiHexDigit))
        {
            foreach (var extension in BlobLayout.Extensions)
            {
                yield return BlobLayout.PathFor(blobRoot, image.Sha256.ToLowerInvariant(), extension);
            }
        }

        if (image.Path.Length == 0 || image.Path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            yield break;
        }

        if (BlobPack.TryParseAddress(image.Path, out var pack, out var offset))
        {
            // Where it was recorded, then the same pack under this output folder (the folder may have moved).
            yield return Path.IsPathRooted(pack) ? image.Path : BlobPack.Address(Path.GetFullPath(Path.Combine(outDir, pack)), offset);
            yield return BlobPack.Address(Path.Combine(BlobPack.Root(outDir), Path.GetFileName(pack)), offset);
        }
        else
        {
            yield return Path.IsPathRooted(image.Path) ? image.Path : Path.GetFullPath(Path.Combine(outDir, image.Path));
        }
    }

    private static string Named(ExampleImage image) =>
        image.Path.Length == 0 ? "sha256 " + image.Sha256 : $"sha256 {image.Sha256} at {image.Path}";

    private static string Bytes(int bytes) => bytes.ToString(CultureInfo.InvariantCulture);
}
