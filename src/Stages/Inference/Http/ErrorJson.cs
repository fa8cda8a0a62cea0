using System.Text.Json;

namespace MultiTrust.Stages.Inference.Http;

/// <summary>Reads one field of a provider's JSON error body, tolerating bodies that are not JSON at all.</summary>
internal static class ErrorJson
{
    /// <summary>The string at <paramref name="path"/> (object keys) in <paramref name="body"/>, or null.</summary>
    public static string? StringAt(string body, params ReadOnlySpan<string> path)
    {
        var element = ElementAt(body, path);
        return element is { ValueKind: JsonValueKind.String } found ? found.GetString() : null;
    }

    /// <summary>The element at <paramref name="path"/> (object keys), cloned, or null when the body or the path is not there.</summary>
    public static JsonElement? ElementAt(string body, params ReadOnlySpan<string> path)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var element = document.RootElement;
            foreach (var key in path)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(key, out element))
                {
                    return null;
                }
            }

            return element.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
