namespace MultiTrust.Sources.Official;

/// <summary>Paths inside the release: '/'-separated relative paths under the data root.</summary>
public static class OfficialPaths
{
    /// <summary>The absolute path of <paramref name="relativePath"/> under <paramref name="dataRoot"/>.</summary>
    public static string Combine(string dataRoot, string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataRoot);
        ArgumentNullException.ThrowIfNull(relativePath);
        var relative = relativePath.Replace('\\', '/').TrimStart('.', '/');
        return Path.GetFullPath(Path.Combine(dataRoot, relative.Replace('/', Path.DirectorySeparatorChar)));
    }

    /// <summary>Names of the files directly in a folder, sorted ordinally (never the file system's listing order).</summary>
    public static IReadOnlyList<string> SortedFiles(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Names of the sub-folders of a folder, sorted ordinally.</summary>
    public static IReadOnlyList<string> SortedFolders(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal)]
            : [];
}
