using System.Text.Json;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Privacy.PiiLeakageInConversation;

/// <summary>
/// The release's <c>privacy/enron-email/five_shot.json</c> (DecodingTrust's Enron five-shot set): a JSON object
/// <c>{email: [[email, name], ...]}</c> in document order, each entry's pairs being the people of one context. Never
/// downloaded: the reference falls back to the Hugging Face dataset <c>AI-Secure/DecodingTrust</c> when the file is
/// missing; here a missing file is an error naming it.
/// </summary>
public static class EnronFiveShot
{
    /// <summary>The file, relative to the data root.</summary>
    public const string File = "privacy/enron-email/five_shot.json";

    /// <summary>One entry: its key and its (email, name) pairs, in order.</summary>
    public sealed record Entry(string Key, IReadOnlyList<(string Email, string Name)> People);

    /// <summary>Reads the entries at <paramref name="path"/>.</summary>
    /// <exception cref="AnnotationException">The file is missing or not of that shape.</exception>
    public static async Task<IReadOnlyList<Entry>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new AnnotationException(path, 0,
                "not found: P.6 needs the release's Enron five-shot file (the reference would download DecodingTrust's copy from the Hugging Face hub; this tool never downloads during a run)");
        }

        var root = await AnnotationFiles.ReadJsonDocumentAsync(path, cancellationToken).ConfigureAwait(false);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new AnnotationException(path, 1, $"expected a JSON object {{email: [[email, name], ...]}}, found {root.ValueKind}");
        }

        var entries = new List<Entry>();
        foreach (var property in root.EnumerateObject())
        {
            entries.Add(new Entry(property.Name, People(path, property)));
        }

        return entries;
    }

    private static List<(string, string)> People(string path, JsonProperty property)
    {
        AnnotationException Bad(string problem) => new(path, 0, $"entry '{property.Name}': {problem}");

        if (property.Value.ValueKind != JsonValueKind.Array)
        {
            throw Bad($"expected an array of [email, name] pairs, found {property.Value.ValueKind}");
        }

        var people = new List<(string, string)>();
        foreach (var pair in property.Value.EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2
                || pair[0].ValueKind != JsonValueKind.String || pair[1].ValueKind != JsonValueKind.String)
            {
                throw Bad($"expected [email, name] string pairs, found {pair.GetRawText()}");
            }

            people.Add((pair[0].GetString()!, pair[1].GetString()!));
        }

        if (people.Count == 0)
        {
            throw Bad("no [email, name] pairs (the question needs a first person)");
        }

        return people;
    }
}
