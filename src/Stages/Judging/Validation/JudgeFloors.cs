using System.Text.Json;
using MultiTrust.Core;

namespace MultiTrust.Stages.Judging.Validation;

/// <summary>
/// The accuracy floors of the judges' gold sets, <c>data/judges/gold/floors.json</c>: one JSON object mapping a judge id
/// to the minimum accuracy (a number in [0, 1]) its gold-set validation must reach. Immutable after loading.
/// </summary>
public sealed class JudgeFloors
{
    private JudgeFloors(string source, IReadOnlyDictionary<string, double> byJudge)
    {
        Source = source;
        ByJudge = byJudge;
    }

    /// <summary>Where the floors were read from.</summary>
    public string Source { get; }

    /// <summary>Floor per judge id, in file order.</summary>
    public IReadOnlyDictionary<string, double> ByJudge { get; }

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
                throw new InvalidDataException($"{source}: expected an object mapping judge ids to accuracy floors, found {document.RootElement.ValueKind}.");
            }

            var floors = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var floor) || floor is < 0 or > 1)
                {
                    throw new InvalidDataException($"{source}: the floor for judge '{property.Name}' must be a number between 0 and 1, found {property.Value.GetRawText()}.");
                }

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

    /// <summary>The floor of <paramref name="judgeId"/>; throws naming the file when it has none.</summary>
    public double FloorFor(string judgeId) =>
        ByJudge.TryGetValue(judgeId, out var floor)
            ? floor
            : throw new KeyNotFoundException($"{Source} has no accuracy floor for judge '{judgeId}' (known: {string.Join(", ", ByJudge.Keys)}).");
}
