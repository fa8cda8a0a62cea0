using MultiTrust.Core.Randomness;
using MultiTrust.Sources.Synthetic.Cases;
using MultiTrust.Sources.Synthetic.Scenes;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// T.2 <c>spatial</c>: relations among several objects of a scene, beyond T.1's pairwise left/right.
/// <list type="bullet">
/// <item><c>between</c>: three objects on distinct columns (or rows); "Looking from left to right, the A is between the
/// B and the C." True for the middle one, false for an end one.</item>
/// <item><c>extreme</c>: the same layout; "The A is the leftmost object in the image." (rightmost, topmost,
/// bottommost).</item>
/// <item><c>compound</c>: two objects on distinct rows and columns, optionally a third; "The A is above and to the left
/// of the B." False statements flip one or both directions.</item>
/// </list>
/// </summary>
internal sealed class SpatialStatements : IStatementFamily
{
    private const int Cap = 400_000;
    private static readonly string[] s_extremes = ["leftmost", "rightmost", "topmost", "bottommost"];

    // Line set (3 of 4 columns or rows) × cross coordinate of each object × ordered identities.
    private static readonly long s_lineRange = CaseDigits.Binomial(SceneCells.Grid, 3) * 64 * CaseDigits.Arrangements(SceneCells.Identities, 3);

    // Ordered identities × distinct columns × distinct rows × (no third object, or its cell among 14 and identity among 22).
    private static readonly long s_compoundRange = CaseDigits.Arrangements(SceneCells.Identities, 2) * 12 * 12 * (1 + (14 * 22));

    public CaseSpace Space { get; } = new(
    [
        CasePart.Capped("between", 2 * s_lineRange, Cap),
        CasePart.Capped("extreme", 4 * s_lineRange, Cap),
        CasePart.Capped("compound", s_compoundRange, Cap),
    ]);

    public StatementCase Compose(int part, CaseDigits digits, bool truth, SeededRandom rng) => part switch
    {
        0 => Between(digits, truth, rng),
        1 => Extreme(digits, truth, rng),
        _ => Compound(digits, truth, rng),
    };

    private static StatementCase Between(CaseDigits digits, bool truth, SeededRandom rng)
    {
        var horizontal = digits.Next(2) == 0;
        var objects = InLine(digits, horizontal, rng);
        var ends = new[] { objects[0], objects[2] };
        rng.Shuffle(ends);
        var subject = truth ? objects[1] : ends[0];
        var others = truth ? ends : [ends[1], objects[1]];
        rng.Shuffle(others);
        var direction = horizontal ? "left to right" : "top to bottom";
        return Render(objects, $"Looking from {direction}, the {subject.Name} is between the {others[0].Name} and the {others[1].Name}.", rng);
    }

    private static StatementCase Extreme(CaseDigits digits, bool truth, SeededRandom rng)
    {
        var extreme = digits.Next(4);
        var objects = InLine(digits, extreme < 2, rng);
        var winner = extreme % 2 == 0 ? objects[0] : objects[2];
        var subject = truth ? winner : rng.Pick(objects.Where(o => o != winner).ToList());
        return Render(objects, $"The {subject.Name} is the {s_extremes[extreme]} object in the image.", rng);
    }

    private static StatementCase Compound(CaseDigits digits, bool truth, SeededRandom rng)
    {
        var ids = digits.Distinct(SceneCells.Identities, 2);
        var columns = digits.Distinct(SceneCells.Grid, 2);
        var rows = digits.Distinct(SceneCells.Grid, 2);
        var third = digits.Next(1 + (14 * 22));
        var a = SceneCells.Place(SceneCells.ShapeOf(ids[0]), SceneCells.ColourOf(ids[0]), columns[0], rows[0], rng.NextInt(26, 37), rng);
        var b = SceneCells.Place(SceneCells.ShapeOf(ids[1]), SceneCells.ColourOf(ids[1]), columns[1], rows[1], rng.NextInt(26, 37), rng);
        var objects = new List<SceneObject> { a, b };
        if (third > 0)
        {
            var cell = SceneCells.FreeCells([(rows[0] * SceneCells.Grid) + columns[0], (rows[1] * SceneCells.Grid) + columns[1]])[(third - 1) % 14];
            var identity = Enumerable.Range(0, SceneCells.Identities).Where(i => i != ids[0] && i != ids[1]).ElementAt((third - 1) / 14);
            objects.Add(SceneCells.Place(identity, cell, rng));
        }

        var above = rows[0] < rows[1];
        var left = columns[0] < columns[1];
        if (!truth)
        {
            var flip = rng.NextInt(3);
            above ^= flip != 1;
            left ^= flip != 0;
        }

        var vertical = above ? "above" : "below";
        var horizontal = left ? "to the left of" : "to the right of";
        return Render(objects, $"The {a.Name} is {vertical} and {horizontal} the {b.Name}.", rng);
    }

    // Three objects on three distinct lines of one axis (ascending along it), each at a free cross coordinate.
    private static SceneObject[] InLine(CaseDigits digits, bool horizontal, SeededRandom rng)
    {
        var lines = digits.Combination(SceneCells.Grid, 3);
        var cross = new[] { digits.Next(4), digits.Next(4), digits.Next(4) };
        var ids = digits.Distinct(SceneCells.Identities, 3);
        var objects = new SceneObject[3];
        for (var i = 0; i < 3; i++)
        {
            var (column, row) = horizontal ? (lines[i], cross[i]) : (cross[i], lines[i]);
            objects[i] = SceneCells.Place(SceneCells.ShapeOf(ids[i]), SceneCells.ColourOf(ids[i]), column, row, rng.NextInt(26, 37), rng);
        }

        return objects;
    }

    private static StatementCase Render(IReadOnlyList<SceneObject> objects, string statement, SeededRandom rng)
    {
        var scene = new Scene(SceneCells.Background(rng), objects);
        return new StatementCase(statement, SceneRenderer.Render(scene), SceneFacts.Of(scene));
    }
}
