using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MultiTrust.Testing;

/// <summary>
/// The raw-text OpenAI completions endpoint (<c>POST {BaseUrl}/completions</c>): the same recording, <see cref="Reply"/>
/// and <see cref="Faults"/> as chat completions; the <c>prompt</c> is recorded as <see cref="RecordedRequest.LastUserText"/>
/// (with <see cref="RecordedRequest.MessageCount"/> 0) and the answer is written as <c>choices[0].text</c>.
/// </summary>
public sealed partial class LoopbackModelServer
{
    private const string CompletionsPath = "/v1/completions";

    private static RecordedRequest ParseCompletionRequest(
        ReadOnlyMemory<byte> body, long sequence, string sha256, string? authorization, bool captureBody)
    {
        // The chat parser reads every shared field (model, decoding parameters, properties); it fails only on the
        // missing 'messages', so parse the shared fields through it with an empty message list spliced in.
        var captured = captureBody ? body.ToArray() : null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Failed("the body is not a JSON object");
            }

            if (!root.TryGetProperty("prompt", out var prompt) || prompt.ValueKind != JsonValueKind.String)
            {
                return Failed("the request has no 'prompt' string");
            }

            if (root.TryGetProperty("messages", out _))
            {
                return Failed("a /completions request must not carry 'messages'");
            }

            var shared = ChatRequestParser.Parse(WithEmptyMessages(root), sequence, sha256, authorization, captureBody: false);
            if (shared.ParseError is not null)
            {
                return Failed(shared.ParseError);
            }

            return new RecordedRequest
            {
                Sequence = sequence,
                BodySha256 = sha256,
                BodyLength = body.Length,
                Authorization = authorization,
                Model = shared.Model,
                MessageCount = 0,
                LastUserText = prompt.GetString(),
                MaxTokens = shared.MaxTokens,
                Temperature = shared.Temperature,
                TopP = shared.TopP,
                Seed = shared.Seed,
                Stop = shared.Stop,
                TopLevelProperties = [.. root.EnumerateObject().Select(p => p.Name)],
                Body = captured,
            };
        }
        catch (JsonException ex)
        {
            return Failed(ex.Message);
        }

        RecordedRequest Failed(string error) => new()
        {
            Sequence = sequence,
            BodySha256 = sha256,
            BodyLength = body.Length,
            Authorization = authorization,
            ParseError = error,
            Body = captured,
        };
    }

    private static byte[] WithEmptyMessages(JsonElement root)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteStartArray("messages");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>An OpenAI text-completion body: <c>choices[0].text</c> (null for a content-filtered answer).</summary>
    private static void WriteTextCompletion(IBufferWriter<byte> output, RecordedRequest request, string finishReason, string? text)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString("id"u8, "cmpl-loopback-" + request.Sequence);
        writer.WriteString("object"u8, "text_completion"u8);
        writer.WriteNumber("created"u8, 1_700_000_000);
        writer.WriteString("model"u8, request.Model ?? "loopback");
        writer.WriteStartArray("choices"u8);
        writer.WriteStartObject();
        writer.WriteNumber("index"u8, 0);
        if (text is null)
        {
            writer.WriteNull("text"u8);
        }
        else
        {
            writer.WriteString("text"u8, text);
        }

        writer.WriteNull("logprobs"u8);
        writer.WriteString("finish_reason"u8, finishReason);
        writer.WriteEndObject();
        writer.WriteEndArray();
        var promptTokens = ChatCompletionWriter.CountWords(request.LastUserText);
        var completionTokens = ChatCompletionWriter.CountWords(text);
        writer.WriteStartObject("usage"u8);
        writer.WriteNumber("prompt_tokens"u8, promptTokens);
        writer.WriteNumber("completion_tokens"u8, completionTokens);
        writer.WriteNumber("total_tokens"u8, promptTokens + completionTokens);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
    }
}
