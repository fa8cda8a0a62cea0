using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MultiTrust.Sources.Official;

/// <summary>
/// The elements of a top-level JSON array with the line each starts on, so that a loader can name <c>file:line</c>
/// for a row that lacks a field (<see cref="AnnotationFiles.ReadJsonArrayAsync"/> streams but knows only positions in
/// the array). The file is read whole: the release's arrays are annotation lists of a few megabytes at most.
/// </summary>
public static class JsonArrayRows
{
    /// <summary>Each element of the array in <paramref name="path"/> as a row naming its file and line.</summary>
    /// <exception cref="AnnotationException">The file is missing, is not a JSON array, or is malformed.</exception>
    public static async IAsyncEnumerable<AnnotationRow> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AnnotationException(path, 0, "not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnnotationException(path, 0, $"cannot be read: {e.Message}");
        }

        foreach (var row in Parse(path, bytes))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    /// <summary>Parses <paramref name="bytes"/> (the contents of <paramref name="path"/>) into rows.</summary>
    public static IReadOnlyList<AnnotationRow> Parse(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var rows = new List<AnnotationRow>();
        var reader = new Utf8JsonReader(bytes);
        long line = 1;
        var counted = 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new AnnotationException(path, 1, "expected a JSON array ('[' ... ']')");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                line += bytes[counted..start].Count((byte)'\n');
                counted = start;
                rows.Add(new AnnotationRow(path, line, JsonElement.ParseValue(ref reader)));
            }

            while (reader.Read())
            {
                // Trailing content after the array is malformed; the reader throws on it.
            }
        }
        catch (JsonException e)
        {
            throw new AnnotationException(path, (e.LineNumber ?? -1) + 1, $"malformed JSON after element {rows.Count}: {FirstSentence(e.Message)}");
        }

        return rows;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
