using MultiTrust.Sources.Randomness;

namespace MultiTrust.Sources.Synthetic.Scenes;

/// <summary>Draws random scenes: objects in distinct cells of a 4 × 4 grid with distinct (colour, shape) pairs.</summary>
internal static class SceneLayout
{
    private const int GridCells = Scene.Size / SceneObject.CellSize;

    public static Scene Random(SeededRandom rng, int minObjects, int maxObjects)
    {
        var count = rng.NextInt(minObjects, maxObjects + 1);
        var cells = Enumerable.Range(0, GridCells * GridCells).ToList();
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

            var cell = cells[objects.Count];
            var radius = rng.NextInt(28, 37);
            var x = ((cell % GridCells) * SceneObject.CellSize) + (SceneObject.CellSize / 2) + rng.NextInt(-6, 7);
            var y = ((cell / GridCells) * SceneObject.CellSize) + (SceneObject.CellSize / 2) + rng.NextInt(-6, 7);
            objects.Add(new SceneObject(shape, colour, x, y, radius));
        }

        return new Scene(rng.Pick(ScenePalette.Backgrounds), objects);
    }
}
