namespace MultiTrust.Sinks.Results;

/// <summary>
/// How an image path is stored in <c>samples.image_paths</c>: relative to the output folder (with <c>/</c> separators)
/// when it lies under it, as it is otherwise. See <see cref="ParquetSinkOptions.ImagePathRoot"/>.
/// </summary>
internal sealed class ImagePaths
{
    private readonly string? _root;

    public ImagePaths(string? root) =>
        _root = string.IsNullOrWhiteSpace(root) ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;

    public string Stored(string path)
    {
        if (_root is null || !path.StartsWith(_root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            return path;
        }

        var relative = path[_root.Length..];
        return Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
