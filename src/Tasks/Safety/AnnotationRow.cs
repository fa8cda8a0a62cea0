using System.Text.Json;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Safety;

/// <summary>Required fields of an annotation row, failing with <c>file:line</c> when one is absent or empty.</summary>
internal static class AnnotationRow
{
    /// <summary>The value of <paramref name="column"/> in a CSV row, possibly empty; a missing column names the header line.</summary>
    public static string Column(IReadOnlyDictionary<string, string> row, string column, string path) =>
        row.TryGetValue(column, out var value)
            ? value
            : throw new AnnotationException(path, 1, $"no '{column}' column (header: {string.Join(", ", row.Keys)})");

    /// <summary>The non-empty value of <paramref name="column"/> in a CSV row.</summary>
    public static string Required(IReadOnlyDictionary<string, string> row, string column, string path, long line)
    {
        var value = Column(row, column, path);
        return value.Length > 0 ? value : throw new AnnotationException(path, line, $"the row has no '{column}'");
    }

    /// <summary>The string value of <paramref name="property"/> in a JSON object member.</summary>
    public static string Required(JsonElement value, string property, string key, string path, long line)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new AnnotationException(path, line, $"'{key}': expected an object, found {value.ValueKind}");
        }

        return value.TryGetProperty(property, out var field) && field.ValueKind == JsonValueKind.String && field.GetString() is { Length: > 0 } text
            ? text
            : throw new AnnotationException(path, line, $"'{key}' has no string '{property}'");
    }
}
