using MultiTrust.Core.Randomness;

namespace MultiTrust.Sources.Synthetic.Scenes;

/// <summary>
/// Scenes from keys: objects in distinct cells of a 4 × 4 grid (objects never overlap or leave their cell) with
/// distinct (colour, shape) pairs, a radius of 28–36 px and a centre jittered by ±6 px. A key fixes the visible facts
/// that identify a scene — the set of occupied cells, the background, and the shape, colour, radius and jitter of
/// the object in the lowest-numbered occupied cell — and the other objects are drawn from the caller's random stream.
/// Two different keys with the same object count therefore always give two different images, so a generator that
/// hands out distinct keys never repeats a sample; and a key drawn uniformly gives the same scene distribution as
/// drawing every object at random.
/// </summary>
internal static class SceneLayout
{
    private const int GridCells = Scene.Size / SceneObject.CellSize;
    private const int Cells = GridCells * GridCells;
    private const int MinRadius = 28;
    private const int Radii = 9;
    private const int MaxJitter = 6;
    private const int Jitters = (2 * MaxJitter) + 1;

    /// <summary>Keys per set of occupied cells: backgrounds × shapes × colours × radii × jitter².</summary>
    public static long KeysPerCellSet { get; } =
        (long)ScenePalette.Backgrounds.Count * ScenePalette.Shapes.Count * ScenePalette.Colours.Count * Radii * Jitters * Jitters;

    /// <summary>Distinct keys (and scenes told apart by them) with <paramref name="objects"/> objects: C(16, objects) × <see cref="KeysPerCellSet"/>.</summary>
    public static long KeyCount(int objects) => Binomial(Cells, objects) * KeysPerCellSet;

    public static Scene FromKey(long key, int objects, SeededRandom rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(objects, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(objects, Cells);
        ArgumentOutOfRangeException.ThrowIfNegative(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(key, KeyCount(objects));
        var cells = CellSet(key / KeysPerCellSet, objects);
        var rest = key % KeysPerCellSet;
        var jitterX = (int)(rest % Jitters) - MaxJitter;
        rest /= Jitters;
        var jitterY = (int)(rest % Jitters) - MaxJitter;
        rest /= Jitters;
        var radius = MinRadius + (int)(rest % Radii);
        rest /= Radii;
        var shape = ScenePalette.Shapes[(int)(rest % ScenePalette.Shapes.Count)];
        rest /= ScenePalette.Shapes.Count;
        var colour = ScenePalette.Colours[(int)(rest % ScenePalette.Colours.Count)];
        rest /= ScenePalette.Colours.Count;
        var background = ScenePalette.Backgrounds[(int)rest];

        var items = new List<SceneObject>(objects) { Place(shape, colour, cells[0], radius, jitterX, jitterY) };
        while (items.Count < objects)
        {
            var nextShape = rng.Pick(ScenePalette.Shapes);
            var nextColour = rng.Pick(ScenePalette.Colours);
            if (items.Any(o => o.Shape == nextShape && o.Colour == nextColour))
            {
                continue;
            }

            var nextRadius = rng.NextInt(MinRadius, MinRadius + Radii);
            items.Add(Place(nextShape, nextColour, cells[items.Count], nextRadius, rng.NextInt(-MaxJitter, MaxJitter + 1), rng.NextInt(-MaxJitter, MaxJitter + 1)));
        }

        // The listing order carries no information about which object the key fixed.
        rng.Shuffle(items);
        return new Scene(background, items);
    }

    /// <summary>
    /// A scene drawn wholly from <paramref name="rng"/> with <paramref name="minObjects"/>–<paramref name="maxObjects"/>
    /// objects, for generators that need a picture but no distinctness guarantee (a document's photo).
    /// </summary>
    public static Scene Random(SeededRandom rng, int minObjects, int maxObjects)
    {
        var count = rng.NextInt(minObjects, maxObjects + 1);
        var cells = Enumerable.Range(0, Cells).ToList();
        rng.Shuffle(cells);
        var objects = new List<SceneObject>(count);
        while (objects.Count < count)
        {
            var shape = rng.Pick(ScenePalette.Shapes);
            var colour = rng.Pick(ScenePalette.Colours);
            if (objects.Any(o => o.Shape == shape && o.Colour == colour))
            {
                continue;
            }

            var radius = rng.NextInt(MinRadius, MinRadius + Radii);
            objects.Add(Place(shape, colour, cells[objects.Count], radius, rng.NextInt(-MaxJitter, MaxJitter + 1), rng.NextInt(-MaxJitter, MaxJitter + 1)));
        }

        return new Scene(rng.Pick(ScenePalette.Backgrounds), objects);
    }

    private static SceneObject Place(string shape, string colour, int cell, int radius, int jitterX, int jitterY) => new(
        shape,
        colour,
        ((cell % GridCells) * SceneObject.CellSize) + (SceneObject.CellSize / 2) + jitterX,
        ((cell / GridCells) * SceneObject.CellSize) + (SceneObject.CellSize / 2) + jitterY,
        radius);

    // The rank-th k-subset of the cells in lexicographic order, ascending.
    private static int[] CellSet(long rank, int k)
    {
        var cells = new int[k];
        var next = 0;
        for (var i = 0; i < k; i++)
        {
            while (true)
            {
                var withThis = Binomial(Cells - next - 1, k - i - 1);
                if (rank < withThis)
                {
                    break;
                }

                rank -= withThis;
                next++;
            }

            cells[i] = next++;
        }

        return cells;
    }

    private static long Binomial(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return 0;
        }

        long result = 1;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
