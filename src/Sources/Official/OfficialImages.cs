using System.Collections.Immutable;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Records;

namespace MultiTrust.Sources.Official;

/// <summary>
/// Image references into the user's copy of the release: the file is read once to hash it (the hash is the image's
/// identity) and to check its header. A missing or corrupt file gives a reference with the problem instead of
/// failing the load: the sample becomes a typed error row (<see cref="SampleMetadataKeys.InputError"/>).
/// </summary>
public static class OfficialImages
{
    /// <summary>An image of the release with its problem, if any.</summary>
    public sealed record Loaded(ImageRef Image, string? Problem);

    /// <summary>Reads the image at <paramref name="relativePath"/> under <paramref name="dataRoot"/>.</summary>
    public static async Task<Loaded> LoadAsync(string dataRoot, string relativePath, CancellationToken cancellationToken)
    {
        var path = OfficialPaths.Combine(dataRoot, relativePath);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Missing(path, relativePath, $"image not found: {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Missing(path, relativePath, $"image cannot be read: {path}: {e.Message}");
        }

        var sha = ContentHasher.Sha256Hex(bytes);
        if (!ImageHeader.TryRead(bytes, out var mediaType, out var width, out var height, out var problem))
        {
            return new Loaded(new ImageRef(sha, "application/octet-stream", 0, 0, path), $"corrupt image: {path}: {problem}");
        }

        return new Loaded(new ImageRef(sha, mediaType, width, height, path), null);
    }

    /// <summary>Metadata with the input error of the first problem among <paramref name="images"/>, if any.</summary>
    public static ImmutableDictionary<string, string> WithProblems(ImmutableDictionary<string, string> metadata, IEnumerable<Loaded> images)
    {
        var problem = images.Select(i => i.Problem).FirstOrDefault(p => p is not null);
        return problem is null ? metadata : metadata.SetItem(SampleMetadataKeys.InputError, problem);
    }

    // A missing file still has a stable identity: the hash of its relative path, so the sample id is stable too.
    private static Loaded Missing(string path, string relativePath, string problem) =>
        new(new ImageRef(new ContentHasher().Add("missing-image/v1").Add(relativePath).ToHex(), "application/octet-stream", 0, 0, path), problem);
}
