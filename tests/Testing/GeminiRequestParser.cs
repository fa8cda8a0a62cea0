using System.Text;
using System.Text.Json;

namespace MultiTrust.Testing;

/// <summary>Reads the fields the loopback server records from a Gemini <c>generateContent</c> request body.</summary>
internal static class GeminiRequestParser
{
    public static RecordedRequest Parse(ReadOnlyMemory<byte> body, RecordedRequest shell)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return shell with { ParseError = "the body is not a JSON object" };
            }

            if (!root.TryGetProperty("contents", out var contents) || contents.ValueKind != JsonValueKind.Array)
            {
                return shell with { ParseError = "* GenerateContentRequest.contents: contents is not specified" };
            }

            var hashes = new List<string>();
            string? lastUserText = null;
            var count = 0;
            foreach (var content in contents.EnumerateArray())
            {
                count++;
                var role = content.TryGetProperty("role", out var r) ? r.GetString() : "user";
                if (role is not "user" and not "model")
                {
                    return shell with { ParseError = $"Please use a valid role: user, model (got '{role}')" };
                }

                var text = ReadParts(content.GetProperty("parts"), hashes);
                if (role == "user")
                {
                    lastUserText = text;
                }
            }

            var config = root.TryGetProperty("generationConfig", out var c) ? c : default;
            return shell with
            {
                MessageCount = count,
                LastUserText = lastUserText,
                ImageSha256s = hashes,
                MaxTokens = Get(config, "maxOutputTokens") is { } m ? m.GetInt32() : null,
                Temperature = Get(config, "temperature") is { } t ? t.GetDouble() : null,
                TopP = Get(config, "topP") is { } p ? p.GetDouble() : null,
                Seed = Get(config, "seed") is { } s ? s.GetInt64() : null,
                Stop = Get(config, "stopSequences") is { } stops ? [.. stops.EnumerateArray().Select(x => x.GetString()!)] : [],
                TopLevelProperties = [.. root.EnumerateObject().Select(x => x.Name)],
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return shell with { ParseError = ex.Message };
        }
    }

    private static JsonElement? Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? ReadParts(JsonElement parts, List<string> hashes)
    {
        StringBuilder? text = null;
        foreach (var part in parts.EnumerateArray())
        {
            if (part.TryGetProperty("text", out var partText))
            {
                text ??= new StringBuilder();
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                text.Append(partText.GetString());
            }
            else if (part.TryGetProperty("inline_data", out var inline) || part.TryGetProperty("inlineData", out inline))
            {
                var mime = inline.TryGetProperty("mime_type", out var m) || inline.TryGetProperty("mimeType", out m) ? m.GetString() : null;
                _ = mime ?? throw new FormatException("inline_data without mime_type");
                hashes.Add(ImageBytes.HashOfBase64(inline.GetProperty("data").GetString()!) ?? throw new FormatException("inline_data.data is not base64"));
            }
            else
            {
                throw new FormatException("a part must carry text or inline_data");
            }
        }

        return text?.ToString();
    }
}
