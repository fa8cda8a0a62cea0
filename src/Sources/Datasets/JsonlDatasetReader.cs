using System.Runtime.CompilerServices;
using System.Text.Json;
using MultiTrust.Core.Pipeline;
using MultiTrust.Sources.Official;

namespace MultiTrust.Sources.Datasets;

/// <summary>
/// Reads a JSON-lines dataset one line at a time (memory: one line). The columns are the keys of the first object; an
/// image column holds a path or a list of paths, an image-bytes column base64 text. Blank lines are skipped; a line
/// that is not a JSON object, or lacks its prompt, throws <see cref="AnnotationException"/> naming file:line.
/// </summary>
internal static class JsonlDatasetReader
{
    public static async IAsyncEnumerable<DatasetRecord> ReadAsync(
        string path, DatasetColumns columns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(DatasetFiles.Open(path));
        ResolvedColumns? resolved = null;
        long line = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            using var document = Parse(path, line, text);
            var root = document.RootElement;
            resolved ??= ResolvedColumns.Resolve(path, columns, [.. root.EnumerateObject().Select(p => p.Name)]);
            yield return Record(path, line, root, resolved);
        }
    }

    private static JsonDocument Parse(string path, long line, string text)
    {
        try
        {
            var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            throw new AnnotationException(path, line, "expected a JSON object");
        }
        catch (JsonException e)
        {
            throw new AnnotationException(path, line, $"not valid JSON: {e.Message}");
        }
    }

    private static DatasetRecord Record(string path, long line, JsonElement row, ResolvedColumns columns)
    {
        var prompt = Text(path, line, row, columns.Prompt)
            ?? throw new AnnotationException(path, line, $"no prompt: column '{columns.Prompt}' is missing or null");
        byte[]? bytes = null;
        if (Text(path, line, row, columns.ImageBytes) is { } base64)
        {
            try
            {
                bytes = Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                throw new AnnotationException(path, line, $"column '{columns.ImageBytes}' (image_bytes) is not base64 text");
            }
        }

        return new DatasetRecord(
            line, prompt, Paths(path, line, row, columns.Image), bytes,
            Text(path, line, row, columns.Target), Text(path, line, row, columns.Reference), Text(path, line, row, columns.Subset));
    }

    private static string? Text(string path, long line, JsonElement row, string? column)
    {
        if (column is null || !row.TryGetProperty(column, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => throw new AnnotationException(path, line, $"column '{column}' must be text, a number or a boolean, not {value.ValueKind}"),
        };
    }

    private static IReadOnlyList<string> Paths(string path, long line, JsonElement row, string? column)
    {
        if (column is null || !row.TryGetProperty(column, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
        {
            return [.. value.EnumerateArray().Select(v => v.GetString()!)];
        }

        throw new AnnotationException(path, line, $"column '{column}' (image) must be a path or a list of paths");
    }
}
