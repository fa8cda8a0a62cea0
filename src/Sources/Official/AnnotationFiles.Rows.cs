using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MultiTrust.Sources.Official;

public static partial class AnnotationFiles
{
    /// <summary>
    /// The elements of a top-level JSON array, each with the line it starts on, so that a loader can name
    /// <c>file:line</c> for a row that is well-formed JSON but not a valid annotation (a missing field, an unknown
    /// label). The file is held once in memory while it is read (the release's JSON arrays are small); malformed JSON
    /// is an <see cref="AnnotationException"/> at the line where parsing stopped.
    /// </summary>
    public static async IAsyncEnumerable<AnnotationRow> ReadJsonArrayRowsAsync(
        string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        await using (var stream = Open(path))
        {
            bytes = new byte[stream.Length];
            await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        }

        foreach (var row in ParseArrayRows(path, bytes))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    private static List<AnnotationRow> ParseArrayRows(string path, byte[] bytes)
    {
        var json = bytes.AsSpan();
        if (json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            json = json[3..];
        }

        var rows = new List<AnnotationRow>();
        var reader = new Utf8JsonReader(json);
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
                line += json[counted..start].Count((byte)'\n');
                counted = start;
                rows.Add(new AnnotationRow(path, line, JsonElement.ParseValue(ref reader)));
            }

            reader.Read(); // anything but whitespace after the array is an error
        }
        catch (JsonException ex)
        {
            throw new AnnotationException(path, (ex.LineNumber ?? -1) + 1, $"malformed JSON after element {rows.Count}: {FirstSentence(ex.Message)}");
        }

        return rows;
    }
}
