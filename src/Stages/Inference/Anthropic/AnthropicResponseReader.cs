using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Inference.Anthropic;

/// <summary>
/// Turns a Messages API answer (<c>content</c> blocks, <c>stop_reason</c>, <c>usage</c>) into a <see cref="ChatResponse"/>:
/// the text blocks joined; <c>end_turn</c> and <c>stop_sequence</c> → Stop, <c>max_tokens</c> → Length, <c>refusal</c>
/// → ContentFilter.
/// </summary>
internal static class AnthropicResponseReader
{
    public static ChatResponse Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedResponseException("the body is not a JSON object");
        }

        if (root.TryGetProperty("type"u8, out var type) && type.ValueEquals("error"u8))
        {
            throw new MalformedResponseException("the body is an error object");
        }

        if (!root.TryGetProperty("content"u8, out var content) || content.ValueKind != JsonValueKind.Array)
        {
            throw new MalformedResponseException("the body has no 'content' array");
        }

        StringBuilder? text = null;
        foreach (var block in content.EnumerateArray())
        {
            if (block.ValueKind == JsonValueKind.Object && block.TryGetProperty("type"u8, out var kind) && kind.ValueEquals("text"u8))
            {
                if (!block.TryGetProperty("text"u8, out var value) || value.ValueKind != JsonValueKind.String)
                {
                    throw new MalformedResponseException("a 'text' content block has no string 'text'");
                }

                (text ??= new StringBuilder()).Append(value.GetString());
            }
        }

        var assistant = text is null ? new ChatMessage(ChatRole.Assistant, []) : new ChatMessage(ChatRole.Assistant, text.ToString());
        return new ChatResponse(assistant)
        {
            FinishReason = FinishReason(root),
            ResponseId = GetString(root, "id"u8),
            ModelId = GetString(root, "model"u8),
            Usage = Usage(root),
        };
    }

    private static ChatFinishReason? FinishReason(JsonElement root)
    {
        if (!root.TryGetProperty("stop_reason"u8, out var reason) || reason.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return reason.GetString() switch
        {
            "end_turn" or "stop_sequence" => ChatFinishReason.Stop,
            "max_tokens" or "model_context_window_exceeded" => ChatFinishReason.Length,
            "refusal" => ChatFinishReason.ContentFilter,
            "tool_use" => ChatFinishReason.ToolCalls,
            { Length: > 0 } other => new ChatFinishReason(other),
            _ => null,
        };
    }

    private static UsageDetails? Usage(JsonElement root)
    {
        if (!root.TryGetProperty("usage"u8, out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var input = GetInt64(usage, "input_tokens"u8);
        var output = GetInt64(usage, "output_tokens"u8);
        return new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };
    }

    private static long? GetInt64(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : null;

    private static string? GetString(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
