using System.Buffers;
using System.Text.Json;

namespace MultiTrust.Testing;

/// <summary>Writes OpenAI chat-completion response bodies for the loopback server.</summary>
internal static class ChatCompletionWriter
{
    private const long CreatedUnixSeconds = 1_700_000_000;

    /// <param name="servedModel">The <c>model</c> to report; null echoes the requested one.</param>
    /// <param name="systemFingerprint">The <c>system_fingerprint</c> to report; null writes none.</param>
    public static void Write(
        IBufferWriter<byte> output, RecordedRequest request, string finishReason, string? text, string? servedModel = null, string? systemFingerprint = null)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString("id"u8, "chatcmpl-loopback-" + request.Sequence);
        writer.WriteString("object"u8, "chat.completion"u8);
        writer.WriteNumber("created"u8, CreatedUnixSeconds);
        writer.WriteString("model"u8, servedModel ?? request.Model ?? "loopback");
        if (systemFingerprint is not null)
        {
            writer.WriteString("system_fingerprint"u8, systemFingerprint);
        }

        writer.WriteStartArray("choices"u8);
        writer.WriteStartObject();
        writer.WriteNumber("index"u8, 0);
        writer.WriteStartObject("message"u8);
        writer.WriteString("role"u8, "assistant"u8);
        if (text is null)
        {
            writer.WriteNull("content"u8);
        }
        else
        {
            writer.WriteString("content"u8, text);
        }

        writer.WriteEndObject();
        writer.WriteString("finish_reason"u8, finishReason);
        writer.WriteEndObject();
        writer.WriteEndArray();
        var promptTokens = CountWords(request.LastUserText) + (85 * request.ImageUrlLengths.Count);
        var completionTokens = CountWords(text);
        writer.WriteStartObject("usage"u8);
        writer.WriteNumber("prompt_tokens"u8, promptTokens);
        writer.WriteNumber("completion_tokens"u8, completionTokens);
        writer.WriteNumber("total_tokens"u8, promptTokens + completionTokens);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
    }

    public static byte[] Write(RecordedRequest request, string finishReason, string? text)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(buffer, request, finishReason, text);
        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteError(IBufferWriter<byte> output, int status, string message, string? code = null)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteStartObject("error"u8);
        writer.WriteString("message"u8, message);
        writer.WriteString("type"u8, "loopback_fault"u8);
        if (code is null)
        {
            writer.WriteNumber("code"u8, status);
        }
        else
        {
            writer.WriteString("code"u8, code);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>Whitespace-separated words: a deterministic stand-in for a token count.</summary>
    public static int CountWords(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }
}
