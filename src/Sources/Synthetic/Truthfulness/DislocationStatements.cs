using MultiTrust.Core.Randomness;
using MultiTrust.Sources.Synthetic.Cases;
using MultiTrust.Sources.Synthetic.Scenes;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// T.6 <c>dislocation</c>: a scene of two to four objects cut into strips half a grid cell wide — through the middle of
/// every object — with neighbouring strips slid 6–12 pixels in opposite directions along their length, so each object
/// appears as two displaced halves.
/// <list type="bullet">
/// <item><c>existence-N</c>: "There is a red circle in the image." False: a near miss sharing the colour or the shape
/// of a present object.</item>
/// <item><c>count-N</c>: "There are exactly 2 circles in the image." Half of the false claims count the halves.</item>
/// </list>
/// </summary>
internal sealed class DislocationStatements : IStatementFamily
{
    private const int Cap = 250_000;
    private const int StripWidth = SceneObject.CellSize / 2;

    public CaseSpace Space { get; } = new(
    [
        CasePart.Capped("existence-2", Range(2), Cap),
        CasePart.Capped("existence-3", Range(3), Cap),
        CasePart.Capped("existence-4", Range(4), Cap),
        CasePart.Capped("count-2", Range(2), Cap),
        CasePart.Capped("count-3", Range(3), Cap),
        CasePart.Capped("count-4", Range(4), Cap),
    ]);

    public StatementCase Compose(int part, CaseDigits digits, bool truth, SeededRandom rng)
    {
        var n = (part % 3) + 2;
        var cells = digits.Combination(SceneCells.Cells, n);
        var ids = digits.Distinct(SceneCells.Identities, n);
        var scene = new Scene(SceneCells.Background(rng), [.. cells.Select((cell, i) => SceneCells.Place(ids[i], cell, rng, 26, 34))]);
        var statement = part < 3 ? Existence(scene, truth, rng) : Count(scene, truth, rng);

        var vertical = rng.NextBool();
        var offsets = new int[Scene.Size / StripWidth];
        var sign = rng.NextBool() ? 1 : -1;
        for (var s = 0; s < offsets.Length; s++)
        {
            offsets[s] = (s % 2 == 0 ? sign : -sign) * rng.NextInt(6, 13);
        }

        var frame = RgbFrames.Dislocate(SceneRenderer.RenderRgb(scene), vertical, StripWidth, offsets);
        var facts = SceneFacts.Of(scene, ("strips", (vertical ? "columns " : "rows ") + string.Join(',', offsets)));
        return new StatementCase(statement, RgbFrames.Encode(frame), facts);
    }

    // Cells of the 4 × 4 grid × ordered identities.
    private static long Range(int n) => CaseDigits.Binomial(SceneCells.Cells, n) * CaseDigits.Arrangements(SceneCells.Identities, n);

    private static string Existence(Scene scene, bool truth, SeededRandom rng)
    {
        var anchor = rng.Pick(scene.Objects);
        var (shape, colour) = (anchor.Shape, anchor.Colour);
        while (!truth && scene.Contains(colour, shape))
        {
            var keepColour = rng.NextBool();
            colour = keepColour ? anchor.Colour : rng.Pick(ScenePalette.Colours);
            shape = keepColour ? rng.Pick(ScenePalette.Shapes) : anchor.Shape;
        }

        return $"There is {SceneCells.WithArticle($"{colour} {shape}")} in the image.";
    }

    private static string Count(Scene scene, bool truth, SeededRandom rng)
    {
        var shape = rng.Pick(scene.Objects).Shape;
        var count = scene.Count(shape);
        var claimed = count;
        if (!truth)
        {
            claimed = rng.NextBool() ? 2 * count : rng.Pick(new[] { count + 1, count - 1 }.Where(c => c >= 1).ToList());
        }

        return claimed == 1
            ? $"There is exactly 1 {shape} in the image."
            : $"There are exactly {claimed} {ScenePalette.Plural(shape)} in the image.";
    }
}
