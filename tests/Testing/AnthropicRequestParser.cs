using System.Text;
using System.Text.Json;

namespace MultiTrust.Testing;

/// <summary>Reads the fields the loopback server records from an Anthropic Messages API request body.</summary>
internal static class AnthropicRequestParser
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

            if (!root.TryGetProperty("max_tokens", out var maxTokens) || maxTokens.ValueKind != JsonValueKind.Number)
            {
                return shell with { ParseError = "max_tokens: Field required" };
            }

            if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            {
                return shell with { ParseError = "messages: Field required" };
            }

            var hashes = new List<string>();
            string? lastUserText = null;
            var count = 0;
            foreach (var message in messages.EnumerateArray())
            {
                count++;
                var role = message.GetProperty("role").GetString();
                if (role is not "user" and not "assistant")
                {
                    return shell with { ParseError = $"messages.{count - 1}.role: Input should be 'user' or 'assistant'" };
                }

                var text = ReadContent(message.GetProperty("content"), hashes);
                if (role == "user")
                {
                    lastUserText = text;
                }
            }

            return shell with
            {
                Model = root.TryGetProperty("model", out var model) ? model.GetString() : null,
                MessageCount = count,
                LastUserText = lastUserText,
                ImageSha256s = hashes,
                MaxTokens = maxTokens.GetInt32(),
                Temperature = root.TryGetProperty("temperature", out var temperature) ? temperature.GetDouble() : null,
                TopP = root.TryGetProperty("top_p", out var topP) ? topP.GetDouble() : null,
                Stop = root.TryGetProperty("stop_sequences", out var stops) ? [.. stops.EnumerateArray().Select(s => s.GetString()!)] : [],
                TopLevelProperties = [.. root.EnumerateObject().Select(p => p.Name)],
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return shell with { ParseError = ex.Message };
        }
    }

    private static string? ReadContent(JsonElement content, List<string> hashes)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString();
        }

        StringBuilder? text = null;
        foreach (var block in content.EnumerateArray())
        {
            var type = block.GetProperty("type").GetString();
            if (type == "text")
            {
                text ??= new StringBuilder();
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                text.Append(block.GetProperty("text").GetString());
            }
            else if (type == "image")
            {
                var source = block.GetProperty("source");
                if (source.GetProperty("type").GetString() == "base64")
                {
                    _ = source.GetProperty("media_type").GetString() ?? throw new FormatException("image source without media_type");
                    hashes.Add(ImageBytes.HashOfBase64(source.GetProperty("data").GetString()!) ?? throw new FormatException("image data is not base64"));
                }
            }
            else
            {
                throw new FormatException($"unknown content block type '{type}'");
            }
        }

        return text?.ToString();
    }
}
