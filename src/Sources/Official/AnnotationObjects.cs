using System.Text.Json;

namespace MultiTrust.Sources.Official;

/// <summary>
/// The members of a top-level JSON object (<c>{category: [...]}</c>, <c>{id: {...}}</c>) in file order, each with the
/// 1-based line of its key, so that a loader can name <c>file:line</c> for a malformed member. The format has no
/// streaming unit smaller than the whole object, so the file is read at once.
/// </summary>
public static class AnnotationObjects
{
    /// <summary>Reads the members. A file that is not one JSON object throws <see cref="AnnotationException"/>.</summary>
    public static async Task<IReadOnlyList<(string Key, long Line, JsonElement Value)>> ReadMembersAsync(
        string path, CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AnnotationException(path, 0, "not found");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AnnotationException(path, 0, $"cannot be read: {ex.Message}");
        }

        return Parse(path, bytes);
    }

    private static List<(string, long, JsonElement)> Parse(string path, byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        var reader = new Utf8JsonReader(span);
        var members = new List<(string, long, JsonElement)>();
        var line = 1L;
        var counted = 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new AnnotationException(path, 1, "expected a JSON object ('{' ... '}')");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var start = (int)reader.TokenStartIndex;
                line += span[counted..start].Count((byte)'\n');
                counted = start;
                var key = reader.GetString()!;
                reader.Read();
                using var value = JsonDocument.ParseValue(ref reader);
                members.Add((key, line, value.RootElement.Clone()));
            }
        }
        catch (JsonException ex)
        {
            throw new AnnotationException(path, (ex.LineNumber ?? -1) + 1, $"malformed JSON: {FirstSentence(ex.Message)}");
        }

        return members;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
