using System.Globalization;
using System.Text.Json;

namespace MultiTrust.Sources.Official;

/// <summary>
/// One annotation row (a JSON object) with the file and line it came from: field accessors that raise
/// <see cref="AnnotationException"/> naming <c>file:line</c> and the field when a row lacks what the loader reads.
/// </summary>
/// <param name="Path">The annotation file.</param>
/// <param name="Line">The 1-based line the row starts on (0 when unknown).</param>
/// <param name="Value">The row.</param>
public readonly record struct AnnotationRow(string Path, long Line, JsonElement Value)
{
    /// <summary>The field's value; missing, null or a non-object row is an error.</summary>
    public JsonElement Field(string name)
    {
        if (Value.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"expected a JSON object, found {Value.ValueKind}");
        }

        if (!Value.TryGetProperty(name, out var field) || field.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            throw Fail(field.ValueKind == JsonValueKind.Null ? $"field '{name}' is null" : $"field '{name}' is missing");
        }

        return field;
    }

    /// <summary>A string field (a number is taken as its JSON text, as Python's formatting prints it).</summary>
    public string String(string name)
    {
        var field = Field(name);
        return field.ValueKind switch
        {
            JsonValueKind.String => field.GetString()!,
            JsonValueKind.Number => field.GetRawText(),
            _ => throw Fail($"field '{name}' must be a string, found {field.ValueKind}"),
        };
    }

    /// <summary>A field as text: a string as is, any other non-null value as its JSON text (a box <c>[x, y, x, y]</c>).</summary>
    public string Text(string name)
    {
        var field = Field(name);
        return field.ValueKind == JsonValueKind.String ? field.GetString()! : field.GetRawText();
    }

    /// <summary>
    /// A binary label field: <c>true</c>/<c>false</c>, the numbers 1/0 or the strings "1"/"0", "true"/"false",
    /// "yes"/"no" (case-insensitive). Anything else is an error.
    /// </summary>
    public bool Binary(string name)
    {
        var field = Field(name);
        switch (field.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number when field.TryGetDouble(out var number) && number is 0 or 1:
                return number == 1;
            case JsonValueKind.String:
                switch (field.GetString()!.Trim().ToLowerInvariant())
                {
                    case "1" or "true" or "yes":
                        return true;
                    case "0" or "false" or "no":
                        return false;
                }

                break;
        }

        throw Fail($"field '{name}' must be a 0/1 label, found {Preview(field)}");
    }

    /// <summary>The error for this row: <c>file:line: problem</c>.</summary>
    public AnnotationException Fail(string problem) => new(Path, Line, problem);

    private static string Preview(JsonElement field)
    {
        var text = field.GetRawText();
        return text.Length <= 40 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..40]}…");
    }
}
