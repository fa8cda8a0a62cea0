using MultiTrust.Core.Pipeline;
using MultiTrust.Sources.Official;

namespace MultiTrust.Sources.Datasets;

/// <summary>
/// A column mapping checked against the columns a file has: a column the mapping names must exist; an optional part
/// the mapping leaves out is read from the column of its default name when there is one.
/// </summary>
internal sealed record ResolvedColumns(string Prompt, string? Image, string? ImageBytes, string? Target, string? Reference, string? Subset)
{
    public static ResolvedColumns Resolve(string path, DatasetColumns columns, IReadOnlyCollection<string> available)
    {
        var missing = new List<string>();
        string? Pick(string? named, string part, string? fallback)
        {
            if (named is not null)
            {
                if (!available.Contains(named))
                {
                    missing.Add($"'{named}' ({part})");
                }

                return named;
            }

            return fallback is not null && available.Contains(fallback) ? fallback : null;
        }

        var prompt = Pick(columns.Prompt, "prompt", null)!;
        var resolved = new ResolvedColumns(
            prompt,
            Pick(columns.Image, "image", "image"),
            Pick(columns.ImageBytes, "image_bytes", null),
            Pick(columns.Target, "target", "target"),
            Pick(columns.Reference, "reference", "reference"),
            Pick(columns.Subset, "subset", "subset"));
        if (missing.Count > 0)
        {
            throw new AnnotationException(path, 0,
                $"column {string.Join(", ", missing)} not found; the file has: {string.Join(", ", available)}");
        }

        return resolved;
    }

    public IEnumerable<string> Names =>
        new[] { Prompt, Image, ImageBytes, Target, Reference, Subset }.OfType<string>().Distinct(StringComparer.Ordinal);
}
