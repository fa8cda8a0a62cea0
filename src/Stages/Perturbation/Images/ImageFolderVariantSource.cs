namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>
/// Replacement images for a variant made elsewhere (e.g. the official adversarial R.4/R.5 files), read from a folder:
/// the variant of an original image is <c>&lt;folder&gt;/&lt;name&gt;</c>, where name is the original's file name (or
/// whatever key, such as its SHA-256, the folder is laid out by). Thread-safe.
/// </summary>
public sealed class ImageFolderVariantSource
{
    public ImageFolderVariantSource(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        if (!Directory.Exists(Folder))
        {
            throw new DirectoryNotFoundException($"The variant image folder '{Folder}' does not exist.");
        }
    }

    public string Folder { get; }

    /// <summary>The full path the variant of <paramref name="name"/> is expected at.</summary>
    /// <exception cref="ArgumentException">The name is empty or is not a plain file name (separators, "..").</exception>
    public string PathFor(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name != Path.GetFileName(name) || name is "." or ".." || name.Contains('/') || name.Contains('\\'))
        {
            throw new ArgumentException($"'{name}' is not a plain file name inside the variant folder '{Folder}'.", nameof(name));
        }

        return Path.Combine(Folder, name);
    }

    public bool Contains(string name) => File.Exists(PathFor(name));

    /// <summary>The bytes of the variant image.</summary>
    /// <exception cref="FileNotFoundException">No file called <paramref name="name"/> in the folder.</exception>
    public async Task<byte[]> ReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = PathFor(name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The variant image folder '{Folder}' has no file '{name}'.", path);
        }

        return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
    }
}
