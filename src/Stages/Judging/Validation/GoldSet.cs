using MultiTrust.Core;
using MultiTrust.Stages.Judging.Records;

namespace MultiTrust.Stages.Judging.Validation;

/// <summary>
/// A judge's gold set: <c>data/judges/gold/&lt;judge-id&gt;.jsonl</c>, one <see cref="JudgeRecord"/> per line with a
/// unique string <c>id</c>, a non-empty string <c>label</c> and an optional <c>note</c>. Immutable after loading.
/// </summary>
/// <remarks>Loading fails with an <see cref="InvalidDataException"/> whose message is <c>file:line: what is wrong</c> on
/// the first bad line (malformed record, missing id or label, duplicate id); blank lines are ignored.</remarks>
public sealed class GoldSet
{
    private GoldSet(string judgeId, string source, IReadOnlyList<GoldItem> items)
    {
        JudgeId = judgeId;
        Source = source;
        Items = items;
    }

    /// <summary>The judge the set labels.</summary>
    public string JudgeId { get; }

    /// <summary>Where the set was read from (a path or a caller-given name).</summary>
    public string Source { get; }

    /// <summary>The records, in file order.</summary>
    public IReadOnlyList<GoldItem> Items { get; }

    /// <summary>The path of a judge's gold file: <c>data/judges/gold/&lt;judgeId&gt;.jsonl</c> under <see cref="DataPaths.Root"/>.</summary>
    public static string PathFor(string judgeId) => DataPaths.Combine("judges", "gold", judgeId + ".jsonl");

    /// <summary>Loads the shipped gold set of <paramref name="judgeId"/>.</summary>
    public static GoldSet Load(string judgeId) => Load(judgeId, PathFor(judgeId));

    /// <summary>Loads a gold set from <paramref name="path"/>.</summary>
    public static GoldSet Load(string judgeId, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(judgeId);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No gold set for judge '{judgeId}': {path} does not exist.", path);
        }

        using var reader = new StreamReader(path);
        return Parse(judgeId, reader, path);
    }

    /// <summary>Reads a gold set from <paramref name="reader"/>; errors name <paramref name="source"/> and the line.</summary>
    public static GoldSet Parse(string judgeId, TextReader reader, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(judgeId);
        ArgumentNullException.ThrowIfNull(reader);
        var items = new List<GoldItem>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parsed = JudgeRecord.Parse(line);
            if (parsed.Record is not { } record)
            {
                throw Error(source, lineNumber, parsed.Describe());
            }

            var id = record.Id;
            if (string.IsNullOrWhiteSpace(id))
            {
                throw Error(source, lineNumber, "field 'id': is required in a gold set");
            }

            if (ids.TryGetValue(id, out var first))
            {
                throw Error(source, lineNumber, $"field 'id': '{id}' is already used on line {first}");
            }

            var label = record.Json["label"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(label))
            {
                throw Error(source, lineNumber, "field 'label': is required in a gold set");
            }

            ids[id] = lineNumber;
            items.Add(new GoldItem(id, label, record.Json["note"]?.GetValue<string>(), lineNumber, record));
        }

        if (items.Count == 0)
        {
            throw new InvalidDataException($"{source}: the gold set for judge '{judgeId}' has no records.");
        }

        return new GoldSet(judgeId, source, items);
    }

    private static InvalidDataException Error(string source, int line, string message) => new($"{source}:{line}: {message}");
}
