using System.Collections.Immutable;
using System.Text.Json;

namespace MultiTrust.Stages.Judging;

/// <summary>Reads the JSON string-array metadata fields of the rule judges (<c>options</c>, <c>accept</c>).</summary>
internal static class JudgeMetadata
{
    /// <summary>
    /// The string array stored under <paramref name="key"/> as a compact JSON array. Returns an empty array when the key
    /// is missing; <paramref name="error"/> is set (naming the field) when the value is not a JSON array of strings.
    /// </summary>
    public static string[] ReadStringArray(ImmutableDictionary<string, string>? metadata, string key, out string? error)
    {
        error = null;
        if (metadata is null || !metadata.TryGetValue(key, out var json) || string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                error = $"metadata '{key}' is not a JSON array";
                return [];
            }

            var values = new List<string>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String)
                {
                    error = $"metadata '{key}' has a {element.ValueKind} item; expected strings";
                    return [];
                }

                values.Add(element.GetString()!);
            }

            return [.. values];
        }
        catch (JsonException ex)
        {
            error = $"metadata '{key}' is not valid JSON: {ex.Message}";
            return [];
        }
    }
}
