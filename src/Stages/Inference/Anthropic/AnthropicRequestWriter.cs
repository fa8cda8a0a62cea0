using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MultiTrust.Stages.Inference.Http;

namespace MultiTrust.Stages.Inference.Anthropic;

/// <summary>
/// Writes an Anthropic Messages API request body: system text (instructions and system messages) in <c>system</c>, user
/// and assistant turns in <c>messages</c>, images as base64 <c>image</c> blocks (or <c>url</c> sources). What the API
/// cannot carry (a seed, penalties, JSON response formats, tools, other content) throws
/// <see cref="NotSupportedException"/> naming it rather than being dropped.
/// </summary>
internal static class AnthropicRequestWriter
{
    public static void Write(IBufferWriter<byte> output, string model, IEnumerable<ChatMessage> messages, ChatOptions? options, int defaultMaxTokens)
    {
        Check(options);
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
        writer.WriteString("model"u8, model);
        writer.WriteNumber("max_tokens"u8, options?.MaxOutputTokens ?? defaultMaxTokens);
        if (system.Length > 0)
        {
            writer.WriteString("system"u8, system.ToString());
        }

        writer.WriteStartArray("messages"u8);
        foreach (var message in list)
        {
            if (message.Role != ChatRole.System)
            {
                WriteMessage(writer, message);
            }
        }

        writer.WriteEndArray();
        if (options is not null)
        {
            WriteOptions(writer, options);
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    private static void Check(ChatOptions? options)
    {
        if (options is null)
        {
            return;
        }

        var unsupported =
            options.Tools is { Count: > 0 } ? "tools (ChatOptions.Tools)"
            : options.Seed is not null ? "a seed (ChatOptions.Seed; remove 'seed' from the model's generation settings)"
            : options.FrequencyPenalty is not null ? "frequency_penalty"
            : options.PresencePenalty is not null ? "presence_penalty"
            : options.ResponseFormat is ChatResponseFormatJson ? "a JSON response format"
            : null;
        if (unsupported is not null)
        {
            throw new NotSupportedException($"The Anthropic Messages API client cannot send {unsupported}.");
        }
    }

    private static void WriteMessage(Utf8JsonWriter writer, ChatMessage message)
    {
        if (message.Role != ChatRole.User && message.Role != ChatRole.Assistant)
        {
            throw new NotSupportedException(
                $"The Anthropic Messages API client cannot send a '{message.Role.Value}' message; only user, assistant and system.");
        }

        writer.WriteStartObject();
        writer.WriteString("role"u8, message.Role.Value);
        writer.WriteStartArray("content"u8);
        foreach (var content in message.Contents)
        {
            WriteBlock(writer, content, message.Role);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteBlock(Utf8JsonWriter writer, AIContent content, ChatRole role)
    {
        writer.WriteStartObject();
        switch (content)
        {
            case TextContent text:
                writer.WriteString("type"u8, "text"u8);
                writer.WriteString("text"u8, text.Text);
                break;
            case DataContent data when data.HasTopLevelMediaType("image"):
                writer.WriteString("type"u8, "image"u8);
                writer.WriteStartObject("source"u8);
                writer.WriteString("type"u8, "base64"u8);
                writer.WriteString("media_type"u8, data.MediaType);
                writer.WritePropertyName("data"u8);
                Base64Json.WriteBase64Value(writer, data.Data.Span);
                writer.WriteEndObject();
                break;
            case UriContent uri when uri.HasTopLevelMediaType("image"):
                writer.WriteString("type"u8, "image"u8);
                writer.WriteStartObject("source"u8);
                writer.WriteString("type"u8, "url"u8);
                writer.WriteString("url"u8, uri.Uri.AbsoluteUri);
                writer.WriteEndObject();
                break;
            default:
                throw UnsupportedContent.Error("The Anthropic Messages API client", content, role, "text and image content");
        }

        writer.WriteEndObject();
    }

    private static void WriteOptions(Utf8JsonWriter writer, ChatOptions options)
    {
        if (options.Temperature is { } temperature)
        {
            writer.WriteNumber("temperature"u8, temperature);
        }

        if (options.TopP is { } topP)
        {
            writer.WriteNumber("top_p"u8, topP);
        }

        if (options.TopK is { } topK)
        {
            writer.WriteNumber("top_k"u8, topK);
        }

        if (options.StopSequences is { Count: > 0 } stops)
        {
            writer.WriteStartArray("stop_sequences"u8);
            foreach (var stop in stops)
            {
                writer.WriteStringValue(stop);
            }

            writer.WriteEndArray();
        }
    }
}
