using MultiTrust.Core.Randomness;
using MultiTrust.Sources.Synthetic.Cases;
using MultiTrust.Sources.Synthetic.Scenes;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// T.6 <c>mirror</c>: two or three objects in the upper half of the image (a 4 × 2 grid of cells) above a grey line, and
/// below the line their mirror image, as in still water.
/// <list type="bullet">
/// <item><c>reflection-N</c>: "The shapes below the line are an exact mirror reflection of the shapes above the line."
/// False statements come with a reflection that differs in one object: another colour, another shape, missing, or
/// moved to another column.</item>
/// <item><c>count-N</c>: the reflection is exact and "There are exactly 2 circles above the line." — the reflection
/// doubles what is visible, and half of the false claims are that double.</item>
/// </list>
/// </summary>
internal sealed class ReflectionStatements : IStatementFamily
{
    private const int Cap = 300_000;
    private const int Line = Scene.Size / 2;
    private const int TopCells = SceneCells.Grid * 2;
    private static readonly string[] s_kinds = ["colour", "shape", "missing", "moved"];

    public CaseSpace Space { get; } = new(
    [
        CasePart.Capped("reflection-2", Range(2), Cap),
        CasePart.Capped("reflection-3", Range(3), Cap),
        CasePart.Capped("count-2", Range(2), Cap),
        CasePart.Capped("count-3", Range(3), Cap),
    ]);

    public StatementCase Compose(int part, CaseDigits digits, bool truth, SeededRandom rng)
    {
        var n = part % 2 == 0 ? 2 : 3;
        var cells = digits.Combination(TopCells, n);
        var ids = digits.Distinct(SceneCells.Identities, n);
        var above = cells.Select((cell, i) => SceneCells.Place(SceneCells.ShapeOf(ids[i]), SceneCells.ColourOf(ids[i]), cell % SceneCells.Grid, cell / SceneCells.Grid, rng.NextInt(24, 35), rng)).ToList();
        var background = SceneCells.Background(rng);
        var reflected = above.ToList();
        string statement;
        var difference = "none";
        if (part < 2)
        {
            if (!truth)
            {
                difference = rng.Pick(s_kinds);
                Alter(reflected, rng.NextInt(n), difference, rng);
            }

            statement = rng.NextBool()
                ? "The shapes below the line are an exact mirror reflection of the shapes above the line."
                : "Every shape above the line has an exact mirror image below the line, and there is nothing else below the line.";
        }
        else
        {
            var shape = rng.Pick(above).Shape;
            var count = above.Count(o => o.Shape == shape);
            var claimed = count;
            if (!truth)
            {
                claimed = rng.NextBool() ? 2 * count : rng.Pick(new[] { count + 1, count - 1 }.Where(c => c >= 1).ToList());
            }

            statement = claimed == 1
                ? $"There is exactly 1 {shape} above the line."
                : $"There are exactly {claimed} {ScenePalette.Plural(shape)} above the line.";
        }

        var frame = RgbFrames.MirrorBelow(
            SceneRenderer.RenderRgb(new Scene(background, above)), SceneRenderer.RenderRgb(new Scene(background, reflected)), Line);
        RgbFrames.FillRows(frame, Line - 2, Line + 2, 90, 90, 90);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["objects"] = new Scene(background, above).Describe(),
            ["reflected"] = reflected.Count == 0 ? string.Empty : new Scene(background, reflected).Describe(),
            ["difference"] = difference,
            ["background"] = background,
        };
        return new StatementCase(statement, RgbFrames.Encode(frame), facts);
    }

    // Cells of the upper 4 × 2 grid × ordered identities.
    private static long Range(int n) => CaseDigits.Binomial(TopCells, n) * CaseDigits.Arrangements(SceneCells.Identities, n);

    private static void Alter(List<SceneObject> reflected, int index, string kind, SeededRandom rng)
    {
        var item = reflected[index];
        bool Free(string shape, string colour) => !reflected.Any(o => o.Shape == shape && o.Colour == colour);
        switch (kind)
        {
            case "colour":
                reflected[index] = item with { Colour = rng.Pick(ScenePalette.Colours.Where(c => c != item.Colour && Free(item.Shape, c)).ToList()) };
                break;
            case "shape":
                reflected[index] = item with { Shape = rng.Pick(ScenePalette.Shapes.Where(s => s != item.Shape && Free(s, item.Colour)).ToList()) };
                break;
            case "missing":
                reflected.RemoveAt(index);
                break;
            default:
                var taken = reflected.Where(o => o.Row == item.Row).Select(o => o.Column).ToHashSet();
                var column = rng.Pick(Enumerable.Range(0, SceneCells.Grid).Where(c => !taken.Contains(c)).ToList());
                reflected[index] = item with { X = item.X + ((column - item.Column) * SceneObject.CellSize) };
                break;
        }
    }
}
