namespace MultiTrust.Core;

/// <summary>Locates the shipped <c>data/</c> folder (fonts, phrase lists, templates).</summary>
public static class DataPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>
    /// The data folder: <c>data/</c> next to the running binaries (copied there by the build), or the repository's
    /// <c>data/</c> found by walking up from the binaries.
    /// </summary>
    public static string Root => s_root.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "data");
        if (Directory.Exists(Path.Combine(beside, "fonts")))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (Directory.Exists(Path.Combine(candidate, "fonts")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"The data folder (fonts, phrase lists) was not found beside {AppContext.BaseDirectory} or above it. " +
            "Build the project so that data/ is copied next to the binaries.");
    }
}
