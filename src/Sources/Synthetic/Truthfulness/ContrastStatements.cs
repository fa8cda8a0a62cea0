using MultiTrust.Core.Imaging;
using MultiTrust.Core.Randomness;
using MultiTrust.Sources.Imaging;
using MultiTrust.Sources.Synthetic.Cases;
using MultiTrust.Sources.Synthetic.Scenes;
using SkiaSharp;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// T.6 <c>contrast</c>, in greyscale:
/// <list type="bullet">
/// <item><c>faint-existence-N</c> / <c>faint-count-N</c>: two or three shapes only 12–18 grey levels lighter or darker
/// than the background; "There is a triangle in the image." (false: a shape that is absent) or "There are exactly 2
/// circles in the image." (false: one more or one fewer).</item>
/// <item><c>illusion</c>: simultaneous contrast — a dark and a light half, each with a small grey square; "The two small
/// squares in the image have exactly the same colour." (or "different colours"). Different squares differ by 56–80
/// levels in the direction the illusion hides: the square on the dark half is the darker one.</item>
/// </list>
/// </summary>
internal sealed class ContrastStatements : IStatementFamily
{
    private const int Cap = 300_000;
    private const int IllusionCap = 400_000;
    private const int Levels = 21;
    private static readonly int[] s_squares = [60, 80, 100];

    public CaseSpace Space { get; } = new(
    [
        CasePart.Capped("faint-existence-2", FaintRange(2), Cap),
        CasePart.Capped("faint-existence-3", FaintRange(3), Cap),
        CasePart.Capped("faint-count-2", FaintRange(2), Cap),
        CasePart.Capped("faint-count-3", FaintRange(3), Cap),

        // Dark level × light level × square grey × dark side × wording × square size.
        CasePart.Capped("illusion", 31L * 31 * 56 * 2 * 2 * s_squares.Length, IllusionCap),
    ]);

    public StatementCase Compose(int part, CaseDigits digits, bool truth, SeededRandom rng) =>
        part == 4 ? Illusion(digits, truth, rng) : Faint(digits, part % 2 == 0 ? 2 : 3, part < 2, truth, rng);

    // Cells × shapes (repeats allowed) × background level × lighter or darker shapes.
    private static long FaintRange(int n) =>
        CaseDigits.Binomial(SceneCells.Cells, n) * Enumerable.Repeat((long)ScenePalette.Shapes.Count, n).Aggregate(1L, (p, s) => p * s) * Levels * 2;

    private static StatementCase Faint(CaseDigits digits, int n, bool existence, bool truth, SeededRandom rng)
    {
        var cells = digits.Combination(SceneCells.Cells, n);
        var shapes = cells.Select(_ => digits.Pick(ScenePalette.Shapes)).ToArray();
        var level = 96 + (4 * digits.Next(Levels));
        var lighter = digits.Next(2) == 0;
        var shade = level + ((lighter ? 1 : -1) * rng.NextInt(12, 19));

        string statement;
        if (existence)
        {
            var absent = ScenePalette.Shapes.Where(s => !shapes.Contains(s)).ToList();
            var shape = truth ? rng.Pick(shapes) : rng.Pick(absent);
            statement = $"There is {SceneCells.WithArticle(shape)} in the image.";
        }
        else
        {
            var shape = rng.Pick(shapes);
            var count = shapes.Count(s => s == shape);
            var claimed = truth ? count : rng.Pick(new[] { count + 1, count - 1 }.Where(c => c >= 1).ToList());
            statement = claimed == 1
                ? $"There is exactly 1 {shape} in the image."
                : $"There are exactly {claimed} {ScenePalette.Plural(shape)} in the image.";
        }

        var objects = cells.Select((cell, i) => SceneCells.Place(shapes[i], "grey", cell % SceneCells.Grid, cell / SceneCells.Grid, rng.NextInt(26, 37), rng)).ToList();
        var image = Grey(canvas =>
        {
            canvas.Clear(Grey(level));
            using var paint = Fill(shade);
            foreach (var o in objects)
            {
                SceneRenderer.DrawShape(canvas, paint, o.Shape, o.X, o.Y, o.Radius);
            }
        });
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["objects"] = string.Join(';', objects.Select(o => $"{o.Shape} {o.X} {o.Y} {o.Radius}")),
            ["background_level"] = level.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["shape_level"] = shade.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return new StatementCase(statement, image, facts);
    }

    private static StatementCase Illusion(CaseDigits digits, bool truth, SeededRandom rng)
    {
        var dark = 10 + digits.Next(31);
        var light = 215 + digits.Next(31);
        var grey = 100 + digits.Next(56);
        var darkLeft = digits.Next(2) == 0;
        var sameWording = digits.Next(2) == 0;
        var side = s_squares[digits.Next(s_squares.Length)];

        var same = truth == sameWording;
        var delta = same ? 0 : rng.NextInt(28, 41);
        var (onDark, onLight) = (grey - delta, grey + delta);
        var statement = sameWording
            ? "The two small squares in the image have exactly the same colour."
            : "The two small squares in the image have different colours.";
        const int half = Scene.Size / 2;
        var image = Grey(canvas =>
        {
            DrawHalf(canvas, darkLeft ? 0 : half, dark, onDark, side);
            DrawHalf(canvas, darkLeft ? half : 0, light, onLight, side);
        });
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["levels"] = $"dark {dark} square {onDark}; light {light} square {onLight}",
            ["dark_side"] = darkLeft ? "left" : "right",
        };
        return new StatementCase(statement, image, facts);
    }

    private static void DrawHalf(SKCanvas canvas, int left, int background, int square, int side)
    {
        const int half = Scene.Size / 2;
        using (var paint = Fill(background))
        {
            canvas.DrawRect(left, 0, half, Scene.Size, paint);
        }

        using var inner = Fill(square);
        canvas.DrawRect(left + ((half - side) / 2), (Scene.Size - side) / 2, side, side, inner);
    }

    private static SKColor Grey(int level) => new((byte)level, (byte)level, (byte)level);

    private static SKPaint Fill(int level) => new() { Color = Grey(level), IsAntialias = false, Style = SKPaintStyle.Fill, BlendMode = SKBlendMode.Src };

    private static RenderedImage Grey(Action<SKCanvas> draw)
    {
        const int size = Scene.Size;
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            draw(canvas);
        }

        return new RenderedImage(PngEncoder.Encode(BitmapPixels.ToGrey(bitmap), size, size, 1), size, size, "image/png");
    }
}
