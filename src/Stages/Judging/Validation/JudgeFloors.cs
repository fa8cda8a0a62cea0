using System.Text.Json;
using MultiTrust.Core;

namespace MultiTrust.Stages.Judging.Validation;

/// <summary>
/// The accuracy floors of the judges' gold sets, <c>data/judges/gold/floors.json</c>: one JSON object mapping a judge id
/// to <c>{"tuning": 0.97, "held_out": 0.95}</c>, the minimum accuracy (a number in [0, 1]) each part of its gold set
/// must reach (<see cref="JudgeFloor"/>). Immutable after loading.
/// </summary>
public sealed class JudgeFloors
{
    private JudgeFloors(string source, IReadOnlyDictionary<string, JudgeFloor> byJudge)
    {
        Source = source;
        ByJudge = byJudge;
    }

    /// <summary>Where the floors were read from.</summary>
    public string Source { get; }

    /// <summary>Floors per judge id, in file order.</summary>
    public IReadOnlyDictionary<string, JudgeFloor> ByJudge { get; }

    /// <summary>The shipped floors file: <c>data/judges/gold/floors.json</c> under <see cref="DataPaths.Root"/>.</summary>
    public static string DefaultPath => DataPaths.Combine("judges", "gold", "floors.json");

    /// <summary>Loads the shipped floors.</summary>
    public static JudgeFloors Load() => Load(DefaultPath);

    /// <summary>Loads floors from <paramref name="path"/>; a missing or malformed file throws an error naming it.</summary>
    public static JudgeFloors Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Judge floors file {path} does not exist.", path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses floors JSON; errors (<see cref="InvalidDataException"/>) name <paramref name="source"/> and the judge.</summary>
    public static JudgeFloors Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: invalid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{source}: expected an object mapping judge ids to {{\"tuning\": ..., \"held_out\": ...}}, found {document.RootElement.ValueKind}.");
            }

            var floors = new Dictionary<string, JudgeFloor>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidDataException($"{source}: judge '{property.Name}' must map to {{\"tuning\": ..., \"held_out\": ...}}, found {property.Value.GetRawText()}.");
                }

                var floor = new JudgeFloor(Read(property, "tuning", source), Read(property, "held_out", source));
                if (!floors.TryAdd(property.Name, floor))
                {
                    throw new InvalidDataException($"{source}: judge '{property.Name}' appears more than once.");
                }
            }

            if (floors.Count == 0)
            {
                throw new InvalidDataException($"{source}: no judge floors.");
            }

            return new JudgeFloors(source, floors);
        }
    }

    /// <summary>The floors of <paramref name="judgeId"/>; throws naming the file when it has none.</summary>
    public JudgeFloor FloorFor(string judgeId) =>
        ByJudge.TryGetValue(judgeId, out var floor)
            ? floor
            : throw new KeyNotFoundException($"{Source} has no accuracy floor for judge '{judgeId}' (known: {string.Join(", ", ByJudge.Keys)}).");

    private static double Read(JsonProperty judge, string part, string source)
    {
        if (!judge.Value.TryGetProperty(part, out var value))
        {
            throw new InvalidDataException($"{source}: judge '{judge.Name}' has no '{part}' floor.");
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var floor) || floor is < 0 or > 1)
        {
            throw new InvalidDataException($"{source}: the '{part}' floor for judge '{judge.Name}' must be a number between 0 and 1, found {value.GetRawText()}.");
        }

        return floor;
    }
}
