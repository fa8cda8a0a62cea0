using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace MultiTrust.Testing;

/// <summary>Writes Gemini <c>generateContent</c> answers and error bodies for the loopback server.</summary>
internal static class GeminiResponseWriter
{
    /// <param name="finishReason">The OpenAI-style finish: <c>stop</c> → <c>STOP</c>, <c>length</c> → <c>MAX_TOKENS</c>,
    /// <c>content_filter</c> → a prompt blocked for safety (<c>promptFeedback.blockReason</c>, no candidates).</param>
    public static void Write(IBufferWriter<byte> output, RecordedRequest request, string finishReason, string? text, string? servedModel)
    {
        using var writer = new Utf8JsonWriter(output);
        var promptTokens = ChatCompletionWriter.CountWords(request.LastUserText) + (258 * request.ImageSha256s.Count);
        var outputTokens = ChatCompletionWriter.CountWords(text);
        writer.WriteStartObject();
        if (finishReason == "content_filter")
        {
            writer.WriteStartObject("promptFeedback"u8);
            writer.WriteString("blockReason"u8, "SAFETY"u8);
            writer.WriteEndObject();
            outputTokens = 0;
        }
        else
        {
            writer.WriteStartArray("candidates"u8);
            writer.WriteStartObject();
            writer.WriteStartObject("content"u8);
            writer.WriteStartArray("parts"u8);
            writer.WriteStartObject();
            writer.WriteString("text"u8, text ?? string.Empty);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteString("role"u8, "model"u8);
            writer.WriteEndObject();
            writer.WriteString("finishReason"u8, finishReason == "length" ? "MAX_TOKENS" : "STOP");
            writer.WriteNumber("index"u8, 0);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteStartObject("usageMetadata"u8);
        writer.WriteNumber("promptTokenCount"u8, promptTokens);
        writer.WriteNumber("candidatesTokenCount"u8, outputTokens);
        writer.WriteNumber("totalTokenCount"u8, promptTokens + outputTokens);
        writer.WriteEndObject();
        writer.WriteString("modelVersion"u8, servedModel ?? request.Model ?? "loopback");
        writer.WriteString("responseId"u8, "loopback-" + request.Sequence.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>
    /// <c>{"error":{"code":429,"message":...,"status":"RESOURCE_EXHAUSTED","details":[RetryInfo]}}</c>: the status name
    /// follows the HTTP status unless given; a retry delay goes into a <c>google.rpc.RetryInfo</c> detail.
    /// </summary>
    public static void WriteError(IBufferWriter<byte> output, int status, string message, string? statusName, int? retryDelaySeconds)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteStartObject("error"u8);
        writer.WriteNumber("code"u8, status);
        writer.WriteString("message"u8, message);
        writer.WriteString("status"u8, statusName ?? status switch
        {
            400 => "INVALID_ARGUMENT",
            403 => "PERMISSION_DENIED",
            404 => "NOT_FOUND",
            429 => "RESOURCE_EXHAUSTED",
            503 => "UNAVAILABLE",
            504 => "DEADLINE_EXCEEDED",
            _ => "INTERNAL",
        });
        if (retryDelaySeconds is { } seconds)
        {
            writer.WriteStartArray("details"u8);
            writer.WriteStartObject();
            writer.WriteString("@type"u8, "type.googleapis.com/google.rpc.RetryInfo"u8);
            writer.WriteString("retryDelay"u8, seconds.ToString(CultureInfo.InvariantCulture) + "s");
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
    }
}
