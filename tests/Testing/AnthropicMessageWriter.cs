using System.Buffers;
using System.Text.Json;

namespace MultiTrust.Testing;

/// <summary>Writes Anthropic Messages API answers and error bodies for the loopback server.</summary>
internal static class AnthropicMessageWriter
{
    /// <param name="finishReason">The OpenAI-style finish (<c>stop</c>, <c>length</c>, <c>content_filter</c>), written as
    /// <c>end_turn</c>, <c>max_tokens</c> or <c>refusal</c>.</param>
    public static void Write(IBufferWriter<byte> output, RecordedRequest request, string finishReason, string? text, string? servedModel)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString("id"u8, "msg_loopback_" + request.Sequence);
        writer.WriteString("type"u8, "message"u8);
        writer.WriteString("role"u8, "assistant"u8);
        writer.WriteString("model"u8, servedModel ?? request.Model ?? "loopback");
        writer.WriteStartArray("content"u8);
        if (!string.IsNullOrEmpty(text))
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, "text"u8);
            writer.WriteString("text"u8, text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("stop_reason"u8, finishReason switch
        {
            "length" => "max_tokens",
            "content_filter" => "refusal",
            _ => "end_turn",
        });
        writer.WriteNull("stop_sequence"u8);
        writer.WriteStartObject("usage"u8);
        writer.WriteNumber("input_tokens"u8, ChatCompletionWriter.CountWords(request.LastUserText) + (85 * request.ImageSha256s.Count));
        writer.WriteNumber("output_tokens"u8, ChatCompletionWriter.CountWords(text));
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary><c>{"type":"error","error":{"type":...,"message":...}}</c>; the type follows the status unless given.</summary>
    public static void WriteError(IBufferWriter<byte> output, int status, string message, string? type)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString("type"u8, "error"u8);
        writer.WriteStartObject("error"u8);
        writer.WriteString("type"u8, type ?? status switch
        {
            400 => "invalid_request_error",
            401 => "authentication_error",
            403 => "permission_error",
            404 => "not_found_error",
            413 => "request_too_large",
            429 => "rate_limit_error",
            529 => "overloaded_error",
            _ => "api_error",
        });
        writer.WriteString("message"u8, message);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
    }
}
