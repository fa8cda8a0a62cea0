using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace MultiTrust.Testing;

/// <summary>Reads the fields the loopback server records from an OpenAI chat-completions request body.</summary>
internal static class ChatRequestParser
{
    public static RecordedRequest Parse(
        ReadOnlyMemory<byte> body, long sequence, string sha256, string? authorization, bool captureBody)
    {
        var captured = captureBody ? body.ToArray() : null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Failed("the body is not a JSON object");
            }

            var properties = new List<string>();
            foreach (var property in root.EnumerateObject())
            {
                properties.Add(property.Name);
            }

            var imageLengths = new List<int>();
            var imageHashes = new List<string>();
            string? lastUserText = null;
            var messageCount = 0;
            if (root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
            {
                foreach (var message in messages.EnumerateArray())
                {
                    messageCount++;
                    var text = ReadMessage(message, imageLengths, imageHashes);
                    if (message.TryGetProperty("role", out var role) && role.ValueEquals("user"u8))
                    {
                        lastUserText = text;
                    }
                }
            }
            else
            {
                return Failed("the request has no 'messages' array");
            }

            return new RecordedRequest
            {
                Sequence = sequence,
                BodySha256 = sha256,
                BodyLength = body.Length,
                Authorization = authorization,
                Model = GetString(root, "model"),
                MessageCount = messageCount,
                LastUserText = lastUserText,
                ImageUrlLengths = imageLengths,
                ImageSha256s = imageHashes,
                MaxTokens = root.TryGetProperty("max_tokens", out var maxTokens) ? maxTokens.GetInt32() : null,
                Temperature = root.TryGetProperty("temperature", out var temperature) ? temperature.GetDouble() : null,
                TopP = root.TryGetProperty("top_p", out var topP) ? topP.GetDouble() : null,
                Seed = root.TryGetProperty("seed", out var seed) ? seed.GetInt64() : null,
                Stop = ReadStop(root),
                TopLevelProperties = properties,
                Body = captured,
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return Failed(ex.Message);
        }

        RecordedRequest Failed(string error) => new()
        {
            Sequence = sequence,
            BodySha256 = sha256,
            BodyLength = body.Length,
            Authorization = authorization,
            ParseError = error,
            Body = captured,
        };
    }

    private static string? ReadMessage(JsonElement message, List<int> imageLengths, List<string> imageHashes)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return null;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString();
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        StringBuilder? text = null;
        foreach (var part in content.EnumerateArray())
        {
            if (!part.TryGetProperty("type", out var type))
            {
                continue;
            }

            if (type.ValueEquals("text"u8) && part.TryGetProperty("text", out var partText))
            {
                text ??= new StringBuilder();
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                text.Append(partText.GetString());
            }
            else if (type.ValueEquals("image_url"u8)
                && part.TryGetProperty("image_url", out var image)
                && image.TryGetProperty("url", out var url)
                && url.ValueKind == JsonValueKind.String)
            {
                // The raw token includes its two quotes.
                imageLengths.Add(JsonMarshal.GetRawUtf8Value(url).Length - 2);
                if (ImageBytes.HashOfDataUri(url.GetString()!) is { } hash)
                {
                    imageHashes.Add(hash);
                }
            }
        }

        return text?.ToString();
    }

    private static IReadOnlyList<string> ReadStop(JsonElement root)
    {
        if (!root.TryGetProperty("stop", out var stop))
        {
            return [];
        }

        if (stop.ValueKind == JsonValueKind.String)
        {
            return [stop.GetString()!];
        }

        var list = new List<string>();
        foreach (var item in stop.EnumerateArray())
        {
            list.Add(item.GetString()!);
        }

        return list;
    }

    private static string? GetString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
