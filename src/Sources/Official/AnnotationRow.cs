using System.Text.Json;

namespace MultiTrust.Sources.Official;

/// <summary>
/// One annotation record with where it starts (<c>file:line</c>), and typed access to its fields that reports a
/// missing or mistyped field as an <see cref="AnnotationException"/> naming that position.
/// </summary>
/// <param name="Path">The annotation file.</param>
/// <param name="Line">The 1-based line the record starts on.</param>
/// <param name="Value">The record.</param>
public readonly record struct AnnotationRow(string Path, long Line, JsonElement Value)
{
    /// <summary>
    /// A field read as Python reads it from <c>json.load</c> output and formats it into a prompt: a string as is, a
    /// number as its JSON text. Missing, null or any other type is an error.
    /// </summary>
    public string String(string field)
    {
        var value = Field(field);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw Malformed($"field '{field}' must be a string, found {value.ValueKind}"),
        };
    }

    /// <summary>A field as text: a string as is, any other non-null value as its JSON text (a box <c>[x, y, x, y]</c>).</summary>
    public string Text(string field)
    {
        var value = Field(field);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Null => throw Malformed($"field '{field}' is null"),
            _ => value.GetRawText(),
        };
    }

    /// <summary>An error naming this record's position.</summary>
    public AnnotationException Malformed(string problem) => new(Path, Line, problem);

    private JsonElement Field(string field)
    {
        if (Value.ValueKind != JsonValueKind.Object)
        {
            throw Malformed($"expected a JSON object, found {Value.ValueKind}");
        }

        return Value.TryGetProperty(field, out var value) ? value : throw Malformed($"field '{field}' is missing");
    }
}
