using MultiTrust.Core.Records;

namespace MultiTrust.Core.Storage;

/// <summary>
/// Where the content-addressed image store keeps a blob: <c>&lt;out&gt;/blobs/&lt;aa&gt;/&lt;sha256&gt;.&lt;ext&gt;</c>, where
/// <c>aa</c> is the first two hex digits of the hash and <c>ext</c> comes from the media type (png, jpg). The one
/// place that knows the layout; writers and readers of the store both go through it.
/// </summary>
public static class BlobLayout
{
    /// <summary>The store's folder name under the output folder.</summary>
    public const string FolderName = "blobs";

    /// <summary>The extensions a blob can have, one per supported media type.</summary>
    public static IReadOnlyList<string> Extensions { get; } = ["png", "jpg"];

    /// <summary>The absolute <c>&lt;outputRoot&gt;/blobs</c> folder.</summary>
    public static string Root(string outputRoot) => Path.GetFullPath(Path.Combine(outputRoot, FolderName));

    /// <summary>The file extension stored for a media type; throws naming an unsupported one.</summary>
    public static string ExtensionFor(string mediaType) => mediaType.ToLowerInvariant() switch
    {
        "image/png" => "png",
        "image/jpeg" or "image/jpg" => "jpg",
        _ => throw new ArgumentException($"Unsupported image media type '{mediaType}' (supported: image/png, image/jpeg).", nameof(mediaType)),
    };

    /// <summary>The blob file for a lower-case hex SHA-256 and an extension under <paramref name="blobRoot"/>.</summary>
    public static string PathFor(string blobRoot, string sha256, string extension)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"'{sha256}' is not a lower-case hex SHA-256.", nameof(sha256));
        }

        return Path.Combine(blobRoot, sha256[..2], $"{sha256}.{extension}");
    }

    /// <summary>True when what an image path names is there: for a pack address (<see cref="BlobPack"/>), its pack file.</summary>
    public static bool Exists(string imagePath) =>
        BlobPack.TryParseAddress(imagePath, out var pack, out _) ? File.Exists(pack) : File.Exists(imagePath);

    /// <summary>
    /// The file name an image goes by: the name of the file its path names, or <c>&lt;sha256&gt;.&lt;ext&gt;</c> for an
    /// image stored in a pack (the name it had when the store kept one file per image).
    /// </summary>
    public static string FileNameOf(ImageRef image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return BlobPack.IsAddress(image.Path) ? $"{image.Sha256}.{ExtensionFor(image.MediaType)}" : Path.GetFileName(image.Path);
    }
}
