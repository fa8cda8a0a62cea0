using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MultiTrust.Stages.Inference.Http;

namespace MultiTrust.Stages.Inference.Gemini;

/// <summary>
/// Writes a Gemini <c>generateContent</c> request body: system text in <c>systemInstruction</c>, turns in <c>contents</c>
/// (assistant as role <c>model</c>), images as <c>inline_data</c> parts, decoding parameters in <c>generationConfig</c>.
/// What the API cannot carry here (tools, image URLs, a JSON schema, other content) throws
/// <see cref="NotSupportedException"/> naming it.
/// </summary>
internal static class GeminiRequestWriter
{
    public static void Write(IBufferWriter<byte> output, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        if (options?.Tools is { Count: > 0 })
        {
            throw new NotSupportedException("The Gemini client cannot send tools (ChatOptions.Tools).");
        }

        if (options?.ResponseFormat is ChatResponseFormatJson { Schema: not null })
        {
            throw new NotSupportedException("The Gemini client cannot send a JSON schema response format; use ChatResponseFormat.Json without a schema.");
        }

        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var system = new StringBuilder(options?.Instructions);
        foreach (var message in list.Where(m => m.Role == ChatRole.System))
        {
            if (system.Length > 0)
            {
                system.Append('\n');
            }

            system.Append(message.Text);
        }

        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        if (system.Length > 0)
        {
            writer.WriteStartObject("systemInstruction"u8);
            writer.WriteStartArray("parts"u8);
            writer.WriteStartObject();
            writer.WriteString("text"u8, system.ToString());
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteStartArray("contents"u8);
        foreach (var message in list)
        {
            if (message.Role != ChatRole.System)
            {
                WriteContent(writer, message);
            }
        }

        writer.WriteEndArray();
        if (options is not null)
        {
            WriteGenerationConfig(writer, options);
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteContent(Utf8JsonWriter writer, ChatMessage message)
    {
        var role = message.Role == ChatRole.User ? "user"
            : message.Role == ChatRole.Assistant ? "model"
            : throw new NotSupportedException($"The Gemini client cannot send a '{message.Role.Value}' message; only user, assistant and system.");
        writer.WriteStartObject();
        writer.WriteString("role"u8, role);
        writer.WriteStartArray("parts"u8);
        foreach (var content in message.Contents)
        {
            writer.WriteStartObject();
            switch (content)
            {
                case TextContent text:
                    writer.WriteString("text"u8, text.Text);
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    writer.WriteStartObject("inline_data"u8);
                    writer.WriteString("mime_type"u8, data.MediaType);
                    writer.WritePropertyName("data"u8);
                    Base64Json.WriteBase64Value(writer, data.Data.Span);
                    writer.WriteEndObject();
                    break;
                default:
                    throw UnsupportedContent.Error("The Gemini client", content, message.Role, "text and inline image bytes");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteGenerationConfig(Utf8JsonWriter writer, ChatOptions options)
    {
        writer.WriteStartObject("generationConfig"u8);
        if (options.Temperature is { } temperature)
        {
            writer.WriteNumber("temperature"u8, temperature);
        }

        if (options.TopP is { } topP)
        {
            writer.WriteNumber("topP"u8, topP);
        }

        if (options.TopK is { } topK)
        {
            writer.WriteNumber("topK"u8, topK);
        }

        if (options.MaxOutputTokens is { } maxTokens)
        {
            writer.WriteNumber("maxOutputTokens"u8, maxTokens);
        }

        if (options.Seed is { } seed)
        {
            writer.WriteNumber("seed"u8, seed);
        }

        if (options.PresencePenalty is { } presence)
        {
            writer.WriteNumber("presencePenalty"u8, presence);
        }

        if (options.FrequencyPenalty is { } frequency)
        {
            writer.WriteNumber("frequencyPenalty"u8, frequency);
        }

        if (options.StopSequences is { Count: > 0 } stops)
        {
            writer.WriteStartArray("stopSequences"u8);
            foreach (var stop in stops)
            {
                writer.WriteStringValue(stop);
            }

            writer.WriteEndArray();
        }

        if (options.ResponseFormat is ChatResponseFormatJson)
        {
            writer.WriteString("responseMimeType"u8, "application/json"u8);
        }

        writer.WriteEndObject();
    }
}
