using System.Globalization;
using System.Text.Json;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Robustness.Common;

/// <summary>
/// One annotation record of the release (a JSON object) with the file and line it came from, so that every field
/// problem is reported as <c>file:line</c>. Field values are read the way the reference's Python reads them: a string
/// as is, a number or boolean as <c>str()</c> prints it.
/// </summary>
internal readonly record struct RobustnessRow(string Path, long Line, JsonElement Value)
{
    /// <summary>A required field as text.</summary>
    public string Text(string field) => AsText(Field(field), field);

    /// <summary>The first element of a required, non-empty list field, as text (the reference's <c>row[field][0]</c>).</summary>
    public string FirstText(string field)
    {
        var value = Field(field);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Problem($"field '{field}' should be a list, found {value.ValueKind}");
        }

        if (value.GetArrayLength() == 0)
        {
            throw Problem($"field '{field}' is an empty list");
        }

        return AsText(value[0], field + "[0]");
    }

    /// <summary>An error naming this row.</summary>
    public AnnotationException Problem(string what) => new(Path, Line, what);

    private JsonElement Field(string field) =>
        Value.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Problem($"missing field '{field}'");

    private string AsText(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.TryGetInt64(out var integer) ? integer.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        _ => throw Problem($"field '{field}' should be a string or a number, found {value.ValueKind}"),
    };
}
