using MultiTrust.Core;

namespace MultiTrust.Sources.Text;

/// <summary>
/// Reads the shipped line lists under <c>data/</c>: one entry per line, blank lines and lines starting with <c>#</c>
/// ignored, surrounding whitespace (including a Windows <c>\r</c>) trimmed.
/// </summary>
public static class PhraseList
{
    /// <summary>Loads <c>data/&lt;relativePath&gt;</c>; throws naming the file when it is missing or empty.</summary>
    public static IReadOnlyList<string> Load(string relativePath)
    {
        var path = DataPaths.Combine(relativePath.Split('/'));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Shipped list '{relativePath}' not found at {path}.", path);
        }

        var entries = new List<string>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                entries.Add(line);
            }
        }

        if (entries.Count == 0)
        {
            throw new InvalidDataException($"Shipped list {path} has no entries.");
        }

        return entries;
    }

    /// <summary>
    /// Loads a list whose entries have <paramref name="fieldCount"/> fields separated by <c>|</c>; throws naming the
    /// file and line of a malformed entry.
    /// </summary>
    public static IReadOnlyList<string[]> LoadFields(string relativePath, int fieldCount)
    {
        var rows = new List<string[]>();
        var lines = Load(relativePath);
        foreach (var line in lines)
        {
            var fields = line.Split('|', StringSplitOptions.TrimEntries);
            if (fields.Length != fieldCount || fields.Any(f => f.Length == 0))
            {
                throw new InvalidDataException(
                    $"Shipped list data/{relativePath}: entry '{line}' must have {fieldCount} non-empty fields separated by '|'.");
            }

            rows.Add(fields);
        }

        return rows;
    }
}
