using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Fairness;

/// <summary>
/// Field access for a CSV row read by <see cref="AnnotationFiles.ReadCsvAsync"/>: a column the header lacks is an
/// <see cref="AnnotationException"/> at the header line, a required value that is empty one at the row's line.
/// </summary>
internal static class CsvRowFields
{
    /// <summary>The value of <paramref name="column"/> (possibly empty); throws when the header has no such column.</summary>
    public static string Get(string path, IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var value)
            ? value
            : throw new AnnotationException(path, 1, $"the header has no column '{column}' (columns: {string.Join(", ", row.Keys)})");

    /// <summary>The non-blank value of <paramref name="column"/>; throws when the column is missing or the value is blank.</summary>
    public static string Require(string path, long line, IReadOnlyDictionary<string, string> row, string column)
    {
        var value = Get(path, row, column);
        return string.IsNullOrWhiteSpace(value)
            ? throw new AnnotationException(path, line, $"'{column}' is empty")
            : value;
    }
}
