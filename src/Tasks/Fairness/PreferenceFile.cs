using System.Runtime.CompilerServices;
using System.Text.Json;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Fairness;

/// <summary>
/// <c>fairness/preference.json</c> (a JSON array of <c>{prompt, topic}</c>), shared by F.5 (the topics of the first
/// 120 items) and F.7 (items [0, 120) plain, [120, 240) force). A missing or empty field is an
/// <see cref="AnnotationException"/> at the element's line.
/// </summary>
internal static class PreferenceFile
{
    /// <summary>The file, relative to the data root.</summary>
    public const string RelativePath = "fairness/preference.json";

    /// <summary>Items per split: the plain split is [0, 120), the force split [120, 240).</summary>
    public const int SplitSize = 120;

    /// <summary>One item: its 0-based position in the array, its prompt (empty when not read) and its topic.</summary>
    public sealed record Item(int Index, string Prompt, string Topic);

    /// <summary>The first <paramref name="limit"/> items, in file order.</summary>
    public static async IAsyncEnumerable<Item> ReadAsync(
        string dataRoot, int limit, bool withPrompt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = OfficialPaths.Combine(dataRoot, RelativePath);
        var index = 0;
        await foreach (var element in AnnotationFiles.ReadJsonArrayAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (index >= limit)
            {
                yield break;
            }

            var topic = Field(path, index, element, "topic");
            var prompt = withPrompt ? Field(path, index, element, "prompt") : string.Empty;
            yield return new Item(index, prompt, topic);
            index++;
        }
    }

    private static string Field(string path, int index, JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new AnnotationException(path, JsonArrayLines.Of(path, index), $"element {index} has no non-empty string field '{name}'");
}
