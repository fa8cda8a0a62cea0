using System.Text.Json;
using Microsoft.Extensions.AI;

namespace MultiTrust.Stages.Inference.OpenAICompatible;

/// <summary>
/// Writes the decoding parameters of <see cref="ChatOptions"/> into a chat-completions request. Tools are refused;
/// <c>AdditionalProperties</c> carry tool-internal values and are never written.
/// </summary>
internal static class ChatOptionsWriter
{
    public static void Write(Utf8JsonWriter writer, ChatOptions options)
    {
        if (options.Tools is { Count: > 0 })
        {
            throw new NotSupportedException("The OpenAI-compatible client does not support tools (ChatOptions.Tools).");
        }

        if (options.Temperature is { } temperature)
        {
            writer.WriteNumber("temperature"u8, temperature);
        }

        if (options.MaxOutputTokens is { } maxTokens)
        {
            writer.WriteNumber("max_tokens"u8, maxTokens);
        }

        if (options.TopP is { } topP)
        {
            writer.WriteNumber("top_p"u8, topP);
        }

        if (options.TopK is { } topK)
        {
            writer.WriteNumber("top_k"u8, topK);
        }

        if (options.FrequencyPenalty is { } frequencyPenalty)
        {
            writer.WriteNumber("frequency_penalty"u8, frequencyPenalty);
        }

        if (options.PresencePenalty is { } presencePenalty)
        {
            writer.WriteNumber("presence_penalty"u8, presencePenalty);
        }

        if (options.Seed is { } seed)
        {
            writer.WriteNumber("seed"u8, seed);
        }

        if (options.StopSequences is { Count: > 0 } stops)
        {
            writer.WriteStartArray("stop"u8);
            foreach (var stop in stops)
            {
                writer.WriteStringValue(stop);
            }

            writer.WriteEndArray();
        }

        WriteResponseFormat(writer, options.ResponseFormat);
    }

    private static void WriteResponseFormat(Utf8JsonWriter writer, ChatResponseFormat? format)
    {
        if (format is not ChatResponseFormatJson json)
        {
            return;
        }

        writer.WriteStartObject("response_format"u8);
        if (json.Schema is { } schema)
        {
            writer.WriteString("type"u8, "json_schema"u8);
            writer.WriteStartObject("json_schema"u8);
            writer.WriteString("name"u8, json.SchemaName ?? "response");
            if (json.SchemaDescription is { } description)
            {
                writer.WriteString("description"u8, description);
            }

            writer.WritePropertyName("schema"u8);
            schema.WriteTo(writer);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteString("type"u8, "json_object"u8);
        }

        writer.WriteEndObject();
    }
}
