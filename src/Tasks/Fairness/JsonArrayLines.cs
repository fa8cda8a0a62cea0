using System.Text.Json;

namespace MultiTrust.Tasks.Fairness;

/// <summary>
/// The 1-based line on which element <c>i</c> of a top-level JSON array starts, for error messages about a
/// well-formed element with a missing or mistyped field (the streamed reader does not track positions). Reads the file
/// again, only when such an error is reported.
/// </summary>
internal static class JsonArrayLines
{
    /// <summary>The line of element <paramref name="index"/>, or 0 when it cannot be found.</summary>
    public static long Of(string path, int index)
    {
        try
        {
            ReadOnlySpan<byte> bytes = File.ReadAllBytes(path);
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
            }

            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            var seen = -1;
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray) && ++seen == index)
                {
                    return 1 + bytes[..(int)reader.TokenStartIndex].Count((byte)'\n');
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
        }

        return 0;
    }
}
