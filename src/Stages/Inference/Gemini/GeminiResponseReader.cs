using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Inference.Gemini;

/// <summary>
/// Turns a <c>generateContent</c> answer into a <see cref="ChatResponse"/>: the text parts of the first candidate (thought
/// parts skipped), its <c>finishReason</c> mapped (<c>STOP</c> → Stop, <c>MAX_TOKENS</c> → Length, safety reasons →
/// ContentFilter), a blocked prompt (<c>promptFeedback.blockReason</c> without candidates) → ContentFilter with no text.
/// </summary>
internal static class GeminiResponseReader
{
    public static ChatResponse Read(JsonElement root, string configuredModel)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedResponseException("the body is not a JSON object");
        }

        if (root.TryGetProperty("error"u8, out var error) && error.ValueKind != JsonValueKind.Null)
        {
            throw new MalformedResponseException("the body is an error object");
        }

        var hasCandidates = root.TryGetProperty("candidates"u8, out var candidates) && candidates.ValueKind == JsonValueKind.Array
            && candidates.GetArrayLength() > 0;
        ChatFinishReason? finish;
        string? text = null;
        if (hasCandidates)
        {
            var candidate = candidates[0];
            text = ReadText(candidate);
            finish = candidate.TryGetProperty("finishReason"u8, out var reason) && reason.ValueKind == JsonValueKind.String
                ? Map(reason.GetString()!)
                : null;
        }
        else if (root.TryGetProperty("promptFeedback"u8, out var feedback) && feedback.ValueKind == JsonValueKind.Object
            && feedback.TryGetProperty("blockReason"u8, out var blocked) && blocked.ValueKind == JsonValueKind.String)
        {
            finish = ChatFinishReason.ContentFilter;
        }
        else
        {
            throw new MalformedResponseException("the body has neither 'candidates' nor 'promptFeedback.blockReason'");
        }

        var assistant = text is null ? new ChatMessage(ChatRole.Assistant, []) : new ChatMessage(ChatRole.Assistant, text);
        return new ChatResponse(assistant)
        {
            FinishReason = finish,
            ResponseId = GetString(root, "responseId"u8),
            ModelId = GetString(root, "modelVersion"u8) ?? configuredModel,
            Usage = Usage(root),
        };
    }

    private static string? ReadText(JsonElement candidate)
    {
        if (!candidate.TryGetProperty("content"u8, out var content) || content.ValueKind != JsonValueKind.Object
            || !content.TryGetProperty("parts"u8, out var parts) || parts.ValueKind != JsonValueKind.Array)
        {
            return null; // A candidate stopped by a safety filter may carry no content.
        }

        StringBuilder? text = null;
        foreach (var part in parts.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object
                || (part.TryGetProperty("thought"u8, out var thought) && thought.ValueKind == JsonValueKind.True)
                || !part.TryGetProperty("text"u8, out var value))
            {
                continue;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                throw new MalformedResponseException("a part's 'text' is not a string");
            }

            (text ??= new StringBuilder()).Append(value.GetString());
        }

        return text?.ToString();
    }

    private static ChatFinishReason? Map(string reason) => reason switch
    {
        "STOP" => ChatFinishReason.Stop,
        "MAX_TOKENS" => ChatFinishReason.Length,
        "SAFETY" or "RECITATION" or "BLOCKLIST" or "PROHIBITED_CONTENT" or "SPII" or "IMAGE_SAFETY" => ChatFinishReason.ContentFilter,
        "" or "FINISH_REASON_UNSPECIFIED" => null,
        _ => new ChatFinishReason(reason),
    };

    private static UsageDetails? Usage(JsonElement root)
    {
        if (!root.TryGetProperty("usageMetadata"u8, out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new UsageDetails
        {
            InputTokenCount = GetInt64(usage, "promptTokenCount"u8),
            OutputTokenCount = GetInt64(usage, "candidatesTokenCount"u8),
            TotalTokenCount = GetInt64(usage, "totalTokenCount"u8),
        };
    }

    private static long? GetInt64(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : null;

    private static string? GetString(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
