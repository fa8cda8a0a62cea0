using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MultiTrust.Stages.Inference.Http;

namespace MultiTrust.Stages.Inference.OpenAICompatible;

/// <summary>
/// Writes an OpenAI chat-completions request body. Images are written as <c>image_url</c> parts; a base64 data URI is
/// copied raw (never re-escaped: System.Text.Json's default encoder would turn every <c>+</c> into <c>\u002B</c>).
/// <c>ChatOptions.AdditionalProperties</c> are tool-internal and never written.
/// </summary>
internal static class ChatRequestWriter
{
    public static void Write(IBufferWriter<byte> output, string model, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString("model"u8, model);
        writer.WriteStartArray("messages"u8);
        if (!string.IsNullOrEmpty(options?.Instructions))
        {
            writer.WriteStartObject();
            writer.WriteString("role"u8, "system"u8);
            writer.WriteString("content"u8, options.Instructions);
            writer.WriteEndObject();
        }

        foreach (var message in messages)
        {
            WriteMessage(writer, message);
        }

        writer.WriteEndArray();
        if (options is not null)
        {
            ChatOptionsWriter.Write(writer, options);
        }

        writer.WriteBoolean("stream"u8, false);
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>
    /// Writes a raw-text completions request: <c>prompt</c> is the text of the conversation's single user message, sent
    /// as is (no chat template). Anything a raw prompt cannot carry (instructions, other roles, several messages,
    /// images) throws <see cref="NotSupportedException"/> naming the mode rather than being dropped.
    /// </summary>
    public static void WriteCompletion(IBufferWriter<byte> output, string model, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        if (!string.IsNullOrEmpty(options?.Instructions))
        {
            throw Unsupported("ChatOptions.Instructions (a system prompt)");
        }

        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        if (list.Count != 1 || list[0].Role != ChatRole.User)
        {
            throw Unsupported($"{list.Count} message(s) with roles [{string.Join(", ", list.Select(m => m.Role.Value))}]; it sends exactly one user message");
        }

        var prompt = new StringBuilder();
        foreach (var content in list[0].Contents)
        {
            prompt.Append(content is TextContent text
                ? text.Text
                : throw Unsupported(content is DataContent d ? $"DataContent ({d.MediaType})" : content is UriContent u ? $"UriContent ({u.MediaType})" : content.GetType().Name));
        }

        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString("model"u8, model);
        writer.WriteString("prompt"u8, prompt.ToString());
        if (options is not null)
        {
            ChatOptionsWriter.Write(writer, options);
        }

        writer.WriteBoolean("stream"u8, false);
        writer.WriteEndObject();
        writer.Flush();
    }

    private static NotSupportedException Unsupported(string what) =>
        new($"The OpenAI-compatible client in Completions mode (Api = Completions, raw-text /completions) cannot send {what}; " +
            "only the text of one user message is sent as the prompt. Use Api = Chat for images, system prompts or conversations.");

    private static void WriteMessage(Utf8JsonWriter writer, ChatMessage message)
    {
        writer.WriteStartObject();
        writer.WriteString("role"u8, message.Role.Value);
        if (!string.IsNullOrEmpty(message.AuthorName))
        {
            writer.WriteString("name"u8, message.AuthorName);
        }

        var contents = message.Contents;
        if (contents.Count == 0)
        {
            writer.WriteString("content"u8, string.Empty);
        }
        else if (contents.Count == 1 && contents[0] is TextContent single)
        {
            writer.WriteString("content"u8, single.Text);
        }
        else
        {
            writer.WriteStartArray("content"u8);
            foreach (var content in contents)
            {
                WritePart(writer, content, message.Role);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WritePart(Utf8JsonWriter writer, AIContent content, ChatRole role)
    {
        switch (content)
        {
            case TextContent text:
                writer.WriteStartObject();
                writer.WriteString("type"u8, "text"u8);
                writer.WriteString("text"u8, text.Text);
                writer.WriteEndObject();
                break;
            case DataContent data when data.HasTopLevelMediaType("image"):
                WriteImagePart(writer, data, url: null);
                break;
            case UriContent uri when uri.HasTopLevelMediaType("image"):
                WriteImagePart(writer, data: null, uri.Uri.AbsoluteUri);
                break;
            default:
                throw UnsupportedContent.Error("The OpenAI-compatible client", content, role, "text and image content");
        }
    }

    // An image as inline bytes (written as a data URI straight from the bytes, no URI string) or as a URL.
    private static void WriteImagePart(Utf8JsonWriter writer, DataContent? data, string? url)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "image_url"u8);
        writer.WriteStartObject("image_url"u8);
        writer.WritePropertyName("url"u8);
        if (data is not null)
        {
            Base64Json.WriteDataUriValue(writer, data.MediaType, data.Data.Span);
        }
        else
        {
            writer.WriteStringValue(url);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
