using MultiTrust.Core;
using MultiTrust.Stages.Judging.Records;

namespace MultiTrust.Stages.Judging.Validation;

/// <summary>
/// One part (<see cref="GoldPart"/>) of a judge's gold set: <c>data/judges/gold/&lt;judge-id&gt;.jsonl</c> (tuning) or
/// <c>data/judges/gold/held-out/&lt;judge-id&gt;.jsonl</c> (held out), one <see cref="JudgeRecord"/> per line with a
/// unique string <c>id</c>, a non-empty string <c>label</c>, a non-empty string <c>class</c> (the kind of record, for
/// the per-class confusion) and an optional <c>note</c>. Immutable after loading.
/// </summary>
/// <remarks>Loading fails with an <see cref="InvalidDataException"/> whose message is <c>file:line: what is wrong</c> on
/// the first bad line (malformed record, missing id, label or class, duplicate id); blank lines are ignored.</remarks>
public sealed class GoldSet
{
    /// <summary>The folder of the held-out parts, under <c>data/judges/gold/</c>.</summary>
    public const string HeldOutFolder = "held-out";

    private GoldSet(string judgeId, GoldPart part, string source, IReadOnlyList<GoldItem> items)
    {
        JudgeId = judgeId;
        Part = part;
        Source = source;
        Items = items;
    }

    /// <summary>The judge the set labels.</summary>
    public string JudgeId { get; }

    /// <summary>Which part of the judge's gold set this is.</summary>
    public GoldPart Part { get; }

    /// <summary>Where the set was read from (a path or a caller-given name).</summary>
    public string Source { get; }

    /// <summary>The records, in file order.</summary>
    public IReadOnlyList<GoldItem> Items { get; }

    /// <summary>The name of a part as the CLI and the docs write it: <c>tuning</c> or <c>held-out</c>.</summary>
    public static string PartName(GoldPart part) => part == GoldPart.HeldOut ? "held-out" : "tuning";

    /// <summary>
    /// The path of a part of a judge's gold set under <see cref="DataPaths.Root"/>: <c>data/judges/gold/&lt;judgeId&gt;.jsonl</c>
    /// (tuning) or <c>data/judges/gold/held-out/&lt;judgeId&gt;.jsonl</c>.
    /// </summary>
    public static string PathFor(string judgeId, GoldPart part) => part == GoldPart.HeldOut
        ? DataPaths.Combine("judges", "gold", HeldOutFolder, FileName(judgeId))
        : DataPaths.Combine("judges", "gold", FileName(judgeId));

    /// <summary>The gold file name of a judge: its id with ":" (not allowed in Windows file names) written as "-", plus ".jsonl".</summary>
    public static string FileName(string judgeId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(judgeId);
        return judgeId.Replace(':', '-') + ".jsonl";
    }

    /// <summary>Loads a part of the shipped gold set of <paramref name="judgeId"/>.</summary>
    public static GoldSet Load(string judgeId, GoldPart part) => Load(judgeId, PathFor(judgeId, part), part);

    /// <summary>Loads a gold set from <paramref name="path"/>.</summary>
    public static GoldSet Load(string judgeId, string path, GoldPart part = GoldPart.Tuning)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(judgeId);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No gold set for judge '{judgeId}': {path} does not exist.", path);
        }

        using var reader = new StreamReader(path);
        return Parse(judgeId, reader, path, part);
    }

    /// <summary>Reads a gold set from <paramref name="reader"/>; errors name <paramref name="source"/> and the line.</summary>
    public static GoldSet Parse(string judgeId, TextReader reader, string source, GoldPart part = GoldPart.Tuning)
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

            var recordClass = record.Json["class"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(recordClass))
            {
                throw Error(source, lineNumber, "field 'class': is required in a gold set (the kind of record, for the per-class confusion)");
            }

            ids[id] = lineNumber;
            items.Add(new GoldItem(id, label, recordClass, record.Json["note"]?.GetValue<string>(), lineNumber, record));
        }

        if (items.Count == 0)
        {
            throw new InvalidDataException($"{source}: the gold set for judge '{judgeId}' has no records.");
        }

        return new GoldSet(judgeId, part, source, items);
    }

    private static InvalidDataException Error(string source, int line, string message) => new($"{source}:{line}: {message}");
}
