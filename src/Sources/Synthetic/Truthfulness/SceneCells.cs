using MultiTrust.Core.Randomness;
using MultiTrust.Sources.Synthetic.Scenes;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// Case-digit vocabulary of the truthfulness scenes: the 24 object identities (shape × colour of
/// <see cref="ScenePalette"/>) and the cells of the 4 × 4 grid of <see cref="SceneObject.CellSize"/>-pixel cells
/// (cell = row · 4 + column). Objects sit in distinct cells, jittered by a few pixels, so positions compare without
/// ambiguity across cells.
/// </summary>
internal static class SceneCells
{
    public const int Grid = Scene.Size / SceneObject.CellSize;

    public const int Cells = Grid * Grid;

    public static int Identities => ScenePalette.Shapes.Count * ScenePalette.Colours.Count;

    public static string ShapeOf(int identity) => ScenePalette.Shapes[identity / ScenePalette.Colours.Count];

    public static string ColourOf(int identity) => ScenePalette.Colours[identity % ScenePalette.Colours.Count];

    public static int Identity(string shape, string colour) =>
        (IndexOf(ScenePalette.Shapes, shape) * ScenePalette.Colours.Count) + IndexOf(ScenePalette.Colours, colour);

    /// <summary>An object of <paramref name="identity"/> in <paramref name="cell"/>, jittered, radius in [min, max].</summary>
    public static SceneObject Place(int identity, int cell, SeededRandom rng, int minRadius = 26, int maxRadius = 36) =>
        Place(ShapeOf(identity), ColourOf(identity), cell % Grid, cell / Grid, rng.NextInt(minRadius, maxRadius + 1), rng);

    /// <summary>A shape in column/row of the grid with radius <paramref name="radius"/>, jittered but kept inside its cell.</summary>
    public static SceneObject Place(string shape, string colour, int column, int row, int radius, SeededRandom rng)
    {
        var slack = Math.Clamp((SceneObject.CellSize / 2) - 2 - radius, 0, 6);
        var x = (column * SceneObject.CellSize) + (SceneObject.CellSize / 2) + rng.NextInt(-slack, slack + 1);
        var y = (row * SceneObject.CellSize) + (SceneObject.CellSize / 2) + rng.NextInt(-slack, slack + 1);
        return new SceneObject(shape, colour, x, y, radius);
    }

    /// <summary>The cells not in <paramref name="taken"/>, ascending.</summary>
    public static List<int> FreeCells(IEnumerable<int> taken)
    {
        var used = taken.ToHashSet();
        return [.. Enumerable.Range(0, Cells).Where(c => !used.Contains(c))];
    }

    /// <summary>"a red circle" / "an orange star".</summary>
    public static string WithArticle(string phrase) => ("aeiou".Contains(phrase[0], StringComparison.Ordinal) ? "an " : "a ") + phrase;

    public static string Background(SeededRandom rng) => rng.Pick(ScenePalette.Backgrounds);

    private static int IndexOf(IReadOnlyList<string> items, string item)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] == item)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(item), item, "Not in the scene vocabulary.");
    }
}
