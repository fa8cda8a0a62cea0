using System.Text.Json;
using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Inference.OpenAICompatible;

/// <summary>
/// Turns an OpenAI chat-completion body (<c>choices[0].message.content</c>) or, in
/// <see cref="OpenAICompatibleApi.Completions"/> mode, a text-completion body (<c>choices[0].text</c>) into a
/// <see cref="ChatResponse"/>.
/// </summary>
internal static class ChatResponseReader
{
    public static ChatResponse Read(JsonElement root, OpenAICompatibleApi api = OpenAICompatibleApi.Chat)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedResponseException("the body is not a JSON object");
        }

        if (root.TryGetProperty("error"u8, out var error) && error.ValueKind != JsonValueKind.Null)
        {
            throw new MalformedResponseException("the body is an error object");
        }

        if (!root.TryGetProperty("choices"u8, out var choices) || choices.ValueKind != JsonValueKind.Array
            || choices.GetArrayLength() == 0)
        {
            throw new MalformedResponseException("the body has no 'choices'");
        }

        var choice = choices[0];
        var text = api == OpenAICompatibleApi.Completions ? ReadCompletionText(choice) : ReadMessageText(choice);
        var assistant = text is null ? new ChatMessage(ChatRole.Assistant, []) : new ChatMessage(ChatRole.Assistant, text);
        var response = new ChatResponse(assistant)
        {
            FinishReason = ReadFinishReason(choice),
            ResponseId = GetString(root, "id"u8),
            ModelId = GetString(root, "model"u8),
            Usage = ReadUsage(root),
        };
        if (GetString(root, "system_fingerprint"u8) is { Length: > 0 } fingerprint)
        {
            (response.AdditionalProperties ??= [])[ChatPropertyKeys.SystemFingerprint] = fingerprint;
        }

        if (root.TryGetProperty("created"u8, out var created) && created.TryGetInt64(out var seconds))
        {
            response.CreatedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return response;
    }

    private static string? ReadMessageText(JsonElement choice)
    {
        if (!choice.TryGetProperty("message"u8, out var message) || message.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedResponseException("choices[0] has no 'message' object");
        }

        if (!message.TryGetProperty("content"u8, out var content))
        {
            return null;
        }

        return content.ValueKind switch
        {
            JsonValueKind.String => content.GetString(),
            JsonValueKind.Null => null,
            _ => throw new MalformedResponseException("choices[0].message.content is not a string"),
        };
    }

    private static string? ReadCompletionText(JsonElement choice)
    {
        if (choice.ValueKind != JsonValueKind.Object || !choice.TryGetProperty("text"u8, out var text))
        {
            throw new MalformedResponseException("choices[0] has no 'text' (expected a /completions response)");
        }

        return text.ValueKind switch
        {
            JsonValueKind.String => text.GetString(),
            JsonValueKind.Null => null,
            _ => throw new MalformedResponseException("choices[0].text is not a string"),
        };
    }

    private static ChatFinishReason? ReadFinishReason(JsonElement choice)
    {
        if (!choice.TryGetProperty("finish_reason"u8, out var reason) || reason.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        if (reason.ValueEquals("stop"u8))
        {
            return ChatFinishReason.Stop;
        }

        if (reason.ValueEquals("length"u8))
        {
            return ChatFinishReason.Length;
        }

        if (reason.ValueEquals("content_filter"u8))
        {
            return ChatFinishReason.ContentFilter;
        }

        if (reason.ValueEquals("tool_calls"u8) || reason.ValueEquals("function_call"u8))
        {
            return ChatFinishReason.ToolCalls;
        }

        var value = reason.GetString();
        return string.IsNullOrEmpty(value) ? null : new ChatFinishReason(value);
    }

    private static UsageDetails? ReadUsage(JsonElement root)
    {
        if (!root.TryGetProperty("usage"u8, out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new UsageDetails
        {
            InputTokenCount = GetInt64(usage, "prompt_tokens"u8),
            OutputTokenCount = GetInt64(usage, "completion_tokens"u8),
            TotalTokenCount = GetInt64(usage, "total_tokens"u8),
        };
    }

    private static long? GetInt64(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : null;

    private static string? GetString(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
