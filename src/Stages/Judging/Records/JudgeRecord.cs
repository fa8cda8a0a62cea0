using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Records;

/// <summary>
/// One JSONL judge record (gold sets and <c>multitrust judge --input</c>), mapped to the <see cref="Sample"/> and
/// <see cref="ModelResponse"/> a judge reads, with the original JSON object kept (<see cref="Json"/>) so it can be
/// written back with every field. Immutable; parsing never throws for bad input.
/// </summary>
/// <remarks>
/// <para>Fields: <c>response</c> (string, required) is the answer judged (status <see cref="ResponseStatus.Answered"/>);
/// <c>target</c> (string) becomes <see cref="SampleTarget.Expected"/>; <c>secrets</c> (array of strings)
/// <see cref="SampleTarget.Secrets"/>; <c>options</c> and <c>accept</c> (arrays of strings) are stored in
/// <see cref="Sample.Metadata"/> under those keys as compact JSON arrays; <c>prompt</c> (string) is
/// <see cref="Sample.Prompt"/>; <c>id</c>, <c>label</c>, <c>gold_label</c>, <c>note</c> and <c>class</c> must be strings when
/// present. A JSON <c>null</c> counts as absent. Any other field is kept but not read.</para>
/// <para>The sample id is content-derived (<see cref="SampleIds.Of"/> over task <see cref="TaskId"/>, the prompt and the
/// target), so identical records share an id; <c>options</c> and <c>accept</c> are not part of it.</para>
/// </remarks>
public sealed record JudgeRecord(JsonObject Json, Sample Sample, ModelResponse Response)
{
    /// <summary>Task id given to samples built from JSONL records.</summary>
    public const string TaskId = "judge-input";

    private static readonly string[] s_stringFields = ["id", "label", "gold_label", "note", "class"];

    /// <summary>The record's <c>id</c> field, if it has one.</summary>
    public string? Id => Json["id"]?.GetValue<string>();

    /// <summary>Parses one line of text (a JSON object).</summary>
    public static JudgeRecordParseResult Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            using var document = JsonDocument.Parse(line);
            return Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            return JudgeRecordParseResult.Failure(null, $"invalid JSON: {ex.Message}");
        }
    }

    /// <summary>Parses one JSON value, which must be an object.</summary>
    public static JudgeRecordParseResult Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return JudgeRecordParseResult.Failure(null, $"expected a JSON object, found {element.ValueKind.ToString().ToLowerInvariant()}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                return JudgeRecordParseResult.Failure(property.Name, "appears more than once");
            }
        }

        if (!element.TryGetProperty("response", out var responseElement) || responseElement.ValueKind == JsonValueKind.Null)
        {
            return JudgeRecordParseResult.Failure("response", "is required");
        }

        if (responseElement.ValueKind != JsonValueKind.String)
        {
            return JudgeRecordParseResult.Failure("response", $"must be a string, found {KindName(responseElement)}");
        }

        foreach (var name in s_stringFields)
        {
            if (OptionalString(element, name, out _) is { } error)
            {
                return error;
            }
        }

        if (OptionalString(element, "target", out var target) is { } targetError)
        {
            return targetError;
        }

        if (OptionalString(element, "prompt", out var prompt) is { } promptError)
        {
            return promptError;
        }

        var metadata = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (OptionalStrings(element, "secrets", out var secrets) is { } secretsError)
        {
            return secretsError;
        }

        foreach (var name in (ReadOnlySpan<string>)["options", "accept"])
        {
            if (OptionalStrings(element, name, out var values) is { } error)
            {
                return error;
            }

            if (!values.IsDefault)
            {
                metadata[name] = JsonSerializer.Serialize(values);
            }
        }

        var sampleTarget = new SampleTarget(target, secrets.IsDefault ? [] : secrets, null);
        var promptText = prompt ?? "";
        var sampleId = SampleIds.Of(TaskId, "", promptText, [], sampleTarget);
        var sample = new Sample(sampleId, TaskId, "", "", "", promptText, [], sampleTarget, metadata.ToImmutable());
        var response = new ModelResponse(
            sampleId, "clean", "jsonl", TaskId, "", ResponseStatus.Answered, responseElement.GetString(), "stop", null, 0, null, null, 1, false, "");
        return JudgeRecordParseResult.Success(new JudgeRecord(JsonObject.Create(element.Clone())!, sample, response));
    }

    private static JudgeRecordParseResult? OptionalString(JsonElement element, string name, out string? value)
    {
        value = null;
        if (!element.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            return JudgeRecordParseResult.Failure(name, $"must be a string, found {KindName(property)}");
        }

        value = property.GetString();
        return null;
    }

    private static JudgeRecordParseResult? OptionalStrings(JsonElement element, string name, out ImmutableArray<string> values)
    {
        values = default;
        if (!element.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (property.ValueKind != JsonValueKind.Array)
        {
            return JudgeRecordParseResult.Failure(name, $"must be an array of strings, found {KindName(property)}");
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        var index = 0;
        foreach (var item in property.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return JudgeRecordParseResult.Failure($"{name}[{index}]", $"must be a string, found {KindName(item)}");
            }

            builder.Add(item.GetString()!);
            index++;
        }

        values = builder.ToImmutable();
        return null;
    }

    private static string KindName(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
