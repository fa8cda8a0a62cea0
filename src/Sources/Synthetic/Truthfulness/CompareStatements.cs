using MultiTrust.Core.Randomness;
using MultiTrust.Sources.Synthetic.Cases;
using MultiTrust.Sources.Synthetic.Scenes;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// T.2 <c>compare</c>: comparisons of sizes and counts in a scene.
/// <list type="bullet">
/// <item><c>larger</c>: two objects of the same shape whose radii differ by at least 40 %, optionally a third of another
/// shape; "The red circle is larger than the blue circle." (or "smaller").</item>
/// <item><c>more-shapes-X-Y</c>: X objects of one shape and Y &lt; X of another (distinct colours within a shape), and up
/// to two objects of the remaining shapes; "There are more circles than squares in the image." (or "fewer").</item>
/// <item><c>more-colours-X-Y</c>: the same with colours: "There are more red objects than blue objects in the image."</item>
/// </list>
/// </summary>
internal sealed class CompareStatements : IStatementFamily
{
    private const int SizeCap = 400_000;
    private const int CountCap = 70_000;

    // (small, large) radii, every pair at least 1.4 apart in ratio.
    private static readonly (int Small, int Large)[] s_sizes = [(14, 20), (14, 28), (14, 36), (14, 42), (20, 28), (20, 36), (20, 42), (28, 42)];
    private static readonly (int More, int Fewer)[] s_counts = [(2, 1), (3, 1), (3, 2), (4, 1), (4, 2), (4, 3)];

    public CompareStatements()
    {
        var shapes = ScenePalette.Shapes.Count;
        var colours = ScenePalette.Colours.Count;
        var parts = new List<CasePart>
        {
            // Shape × (large, small) colours × (large, small) cells × radii × (no third object, or cell and other-shape identity).
            CasePart.Capped("larger", shapes * CaseDigits.Arrangements(colours, 2) * CaseDigits.Arrangements(SceneCells.Cells, 2) * s_sizes.Length * (1 + (14 * 18)), SizeCap),
        };
        foreach (var (more, fewer) in s_counts)
        {
            var cells = CaseDigits.Binomial(SceneCells.Cells, more) * CaseDigits.Binomial(SceneCells.Cells - more, fewer);
            parts.Add(CasePart.Capped($"more-shapes-{more}-{fewer}", CaseDigits.Arrangements(shapes, 2) * cells * CaseDigits.Arrangements(colours, more) * CaseDigits.Arrangements(colours, fewer), CountCap));
        }

        foreach (var (more, fewer) in s_counts)
        {
            var cells = CaseDigits.Binomial(SceneCells.Cells, more) * CaseDigits.Binomial(SceneCells.Cells - more, fewer);
            parts.Add(CasePart.Capped($"more-colours-{more}-{fewer}", CaseDigits.Arrangements(colours, 2) * cells * CaseDigits.Arrangements(shapes, more) * CaseDigits.Arrangements(shapes, fewer), CountCap));
        }

        Space = new CaseSpace(parts);
    }

    public CaseSpace Space { get; }

    public StatementCase Compose(int part, CaseDigits digits, bool truth, SeededRandom rng)
    {
        if (part == 0)
        {
            return Larger(digits, truth, rng);
        }

        var (more, fewer) = s_counts[(part - 1) % s_counts.Length];
        return part <= s_counts.Length ? MoreShapes(digits, more, fewer, truth, rng) : MoreColours(digits, more, fewer, truth, rng);
    }

    private static StatementCase Larger(CaseDigits digits, bool truth, SeededRandom rng)
    {
        var shape = digits.Pick(ScenePalette.Shapes);
        var colours = digits.Distinct(ScenePalette.Colours.Count, 2);
        var cells = digits.Distinct(SceneCells.Cells, 2);
        var (small, large) = s_sizes[digits.Next(s_sizes.Length)];
        var third = digits.Next(1 + (14 * 18));
        var big = SceneCells.Place(shape, ScenePalette.Colours[colours[0]], cells[0] % SceneCells.Grid, cells[0] / SceneCells.Grid, large, rng);
        var little = SceneCells.Place(shape, ScenePalette.Colours[colours[1]], cells[1] % SceneCells.Grid, cells[1] / SceneCells.Grid, small, rng);
        var objects = new List<SceneObject> { big, little };
        if (third > 0)
        {
            var cell = SceneCells.FreeCells(cells)[(third - 1) % 14];
            var identity = Enumerable.Range(0, SceneCells.Identities).Where(i => SceneCells.ShapeOf(i) != shape).ElementAt((third - 1) / 14);
            objects.Add(SceneCells.Place(identity, cell, rng, 18, 34));
        }

        var (first, second) = truth ? (big, little) : (little, big);
        var statement = rng.NextBool()
            ? $"The {first.Name} is larger than the {second.Name}."
            : $"The {second.Name} is smaller than the {first.Name}.";
        return Render(objects, statement, rng);
    }

    private static StatementCase MoreShapes(CaseDigits digits, int more, int fewer, bool truth, SeededRandom rng)
    {
        var shapes = digits.Distinct(ScenePalette.Shapes.Count, 2);
        var (manyCells, fewCells) = Cells(digits, more, fewer);
        var manyColours = digits.Distinct(ScenePalette.Colours.Count, more);
        var fewColours = digits.Distinct(ScenePalette.Colours.Count, fewer);
        var many = ScenePalette.Shapes[shapes[0]];
        var few = ScenePalette.Shapes[shapes[1]];
        var objects = new List<SceneObject>();
        objects.AddRange(manyCells.Select((cell, i) => Place(many, ScenePalette.Colours[manyColours[i]], cell, rng)));
        objects.AddRange(fewCells.Select((cell, i) => Place(few, ScenePalette.Colours[fewColours[i]], cell, rng)));
        var others = ScenePalette.Shapes.Where(s => s != many && s != few).ToList();
        AddDistractors(objects, rng, () => (rng.Pick(others), rng.Pick(ScenePalette.Colours)));

        var (first, second) = truth ? (many, few) : (few, many);
        var statement = rng.NextBool()
            ? $"There are more {ScenePalette.Plural(first)} than {ScenePalette.Plural(second)} in the image."
            : $"There are fewer {ScenePalette.Plural(second)} than {ScenePalette.Plural(first)} in the image.";
        return Render(objects, statement, rng);
    }

    private static StatementCase MoreColours(CaseDigits digits, int more, int fewer, bool truth, SeededRandom rng)
    {
        var colours = digits.Distinct(ScenePalette.Colours.Count, 2);
        var (manyCells, fewCells) = Cells(digits, more, fewer);
        var manyShapes = digits.Distinct(ScenePalette.Shapes.Count, more);
        var fewShapes = digits.Distinct(ScenePalette.Shapes.Count, fewer);
        var many = ScenePalette.Colours[colours[0]];
        var few = ScenePalette.Colours[colours[1]];
        var objects = new List<SceneObject>();
        objects.AddRange(manyCells.Select((cell, i) => Place(ScenePalette.Shapes[manyShapes[i]], many, cell, rng)));
        objects.AddRange(fewCells.Select((cell, i) => Place(ScenePalette.Shapes[fewShapes[i]], few, cell, rng)));
        var others = ScenePalette.Colours.Where(c => c != many && c != few).ToList();
        AddDistractors(objects, rng, () => (rng.Pick(ScenePalette.Shapes), rng.Pick(others)));

        var (first, second) = truth ? (many, few) : (few, many);
        var statement = rng.NextBool()
            ? $"There are more {first} objects than {second} objects in the image."
            : $"There are fewer {second} objects than {first} objects in the image.";
        return Render(objects, statement, rng);
    }

    // The cells of the larger group (a combination of all cells) and of the smaller one (a combination of the rest).
    private static (int[] Many, int[] Few) Cells(CaseDigits digits, int more, int fewer)
    {
        var many = digits.Combination(SceneCells.Cells, more);
        var free = SceneCells.FreeCells(many);
        var few = digits.Combination(free.Count, fewer).Select(i => free[i]).ToArray();
        return (many, few);
    }

    private static SceneObject Place(string shape, string colour, int cell, SeededRandom rng) =>
        SceneCells.Place(shape, colour, cell % SceneCells.Grid, cell / SceneCells.Grid, rng.NextInt(24, 35), rng);

    // Up to two objects outside the compared groups, in free cells, with (shape, colour) pairs not yet used.
    private static void AddDistractors(List<SceneObject> objects, SeededRandom rng, Func<(string Shape, string Colour)> draw)
    {
        var free = SceneCells.FreeCells(objects.Select(o => (o.Row * SceneCells.Grid) + o.Column));
        rng.Shuffle(free);
        var count = rng.NextInt(3);
        for (var i = 0; i < count; i++)
        {
            var (shape, colour) = draw();
            if (!objects.Any(o => o.Shape == shape && o.Colour == colour))
            {
                objects.Add(Place(shape, colour, free[i], rng));
            }
        }
    }

    private static StatementCase Render(IReadOnlyList<SceneObject> objects, string statement, SeededRandom rng)
    {
        var scene = new Scene(SceneCells.Background(rng), objects);
        return new StatementCase(statement, SceneRenderer.Render(scene), SceneFacts.Of(scene));
    }
}
