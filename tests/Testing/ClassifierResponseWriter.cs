using System.Text.Json;

namespace MultiTrust.Testing;

/// <summary>Writes OpenAI moderation, Perspective and HuggingFace text-classification response bodies for the loopback server.</summary>
internal static class ClassifierResponseWriter
{
    private static readonly string[] s_moderationCategories =
    [
        "harassment", "harassment/threatening", "hate", "hate/threatening", "illicit", "illicit/violent", "self-harm",
        "self-harm/instructions", "self-harm/intent", "sexual", "sexual/minors", "violence", "violence/graphic",
    ];

    public static void WriteModeration(Utf8JsonWriter writer, ClassifierRequest request, IReadOnlyDictionary<string, double>? scores)
    {
        var names = s_moderationCategories.Concat(scores?.Keys.Where(k => !s_moderationCategories.Contains(k)) ?? []).ToArray();
        writer.WriteStartObject();
        writer.WriteString("id", "modr-loopback-" + request.Sequence);
        writer.WriteString("model", request.Model ?? "loopback-moderation");
        writer.WriteStartArray("results");
        writer.WriteStartObject();
        writer.WriteBoolean("flagged", names.Any(n => Score(scores, n) >= 0.5));
        writer.WriteStartObject("categories");
        foreach (var name in names)
        {
            writer.WriteBoolean(name, Score(scores, name) >= 0.5);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("category_scores");
        foreach (var name in names)
        {
            writer.WriteNumber(name, Score(scores, name));
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WritePerspective(Utf8JsonWriter writer, ClassifierRequest request, IReadOnlyDictionary<string, double>? scores)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("attributeScores");
        foreach (var name in request.RequestedAttributes)
        {
            writer.WriteStartObject(name);
            writer.WriteStartObject("summaryScore");
            writer.WriteNumber("value", Score(scores, name));
            writer.WriteString("type", "PROBABILITY");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartArray("languages");
        writer.WriteStringValue("en");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>[{"label": top, "score": 0.9}, {"label": "LABEL_i", "score": 0.02}, ...]</c> over <c>LABEL_0</c>..<c>LABEL_5</c>
    /// (plus <paramref name="top"/> when it is another label), highest first; wrapped in one more array when
    /// <paramref name="nested"/> (the HuggingFace serverless API's shape).
    /// </summary>
    public static void WriteTextClassification(Utf8JsonWriter writer, string top, bool nested)
    {
        if (nested)
        {
            writer.WriteStartArray();
        }

        writer.WriteStartArray();
        WriteLabel(writer, top, 0.9);
        foreach (var label in Enumerable.Range(0, 6).Select(i => $"LABEL_{i}").Where(l => l != top))
        {
            WriteLabel(writer, label, 0.02);
        }

        writer.WriteEndArray();
        if (nested)
        {
            writer.WriteEndArray();
        }
    }

    private static void WriteLabel(Utf8JsonWriter writer, string label, double score)
    {
        writer.WriteStartObject();
        writer.WriteString("label", label);
        writer.WriteNumber("score", score);
        writer.WriteEndObject();
    }

    private static double Score(IReadOnlyDictionary<string, double>? scores, string name) =>
        scores is not null && scores.TryGetValue(name, out var value) ? value : 0;
}
