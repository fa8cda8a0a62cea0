using MultiTrust.Core.Imaging;
using MultiTrust.Sources.Imaging;
using SkiaSharp;

namespace MultiTrust.Sources.Synthetic.Scenes;

/// <summary>
/// Draws a <see cref="Scene"/> as a 384 × 384 RGB PNG. Shapes are filled without antialiasing from hard-coded unit
/// vertices (no trigonometry at run time), so every pixel is exactly a palette colour and the bytes are identical on
/// every machine. Thread-safe (stateless).
/// </summary>
public static class SceneRenderer
{
    // Unit-circle vertices at -90° + 36°·k (star: outer at even k, inner at odd k) and -90°, 30°, 150° (triangle).
    private static readonly float[] s_starX = [0f, 0.58778525f, 0.95105652f, 0.95105652f, 0.58778525f, 0f, -0.58778525f, -0.95105652f, -0.95105652f, -0.58778525f];
    private static readonly float[] s_starY = [-1f, -0.80901699f, -0.30901699f, 0.30901699f, 0.80901699f, 1f, 0.80901699f, 0.30901699f, -0.30901699f, -0.80901699f];
    private static readonly float[] s_triangleX = [0f, 0.8660254f, -0.8660254f];
    private static readonly float[] s_triangleY = [-1f, 0.5f, 0.5f];
    private const float StarInnerRatio = 0.45f;

    public static RenderedImage Render(Scene scene)
    {
        const int size = Scene.Size;
        return new RenderedImage(PngEncoder.Encode(RenderRgb(scene), size, size, 3), size, size, "image/png");
    }

    /// <summary>The scene's packed RGB pixels (<see cref="Scene.Size"/> squared), for generators that post-process them.</summary>
    internal static byte[] RenderRgb(Scene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        const int size = Scene.Size;
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill, BlendMode = SKBlendMode.Src })
        {
            canvas.Clear(ScenePalette.ColourOf(scene.Background));
            foreach (var item in scene.Objects)
            {
                paint.Color = ScenePalette.ColourOf(item.Colour);
                DrawShape(canvas, paint, item.Shape, item.X, item.Y, item.Radius);
            }
        }

        return BitmapPixels.ToRgb(bitmap);
    }

    /// <summary>Paints <paramref name="scene"/> onto the canvas's <see cref="Scene.Size"/>-square at its current origin (inside a document).</summary>
    internal static void Paint(SKCanvas canvas, Scene scene)
    {
        using var paint = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill, BlendMode = SKBlendMode.Src };
        paint.Color = ScenePalette.ColourOf(scene.Background);
        canvas.DrawRect(0, 0, Scene.Size, Scene.Size, paint);
        foreach (var item in scene.Objects)
        {
            paint.Color = ScenePalette.ColourOf(item.Colour);
            DrawShape(canvas, paint, item.Shape, item.X, item.Y, item.Radius);
        }
    }

    /// <summary>Fills one shape of the scene vocabulary with <paramref name="paint"/>, inscribed in the circle (x, y, r).</summary>
    internal static void DrawShape(SKCanvas canvas, SKPaint paint, string shape, float x, float y, float r)
    {
        switch (shape)
        {
            case "circle":
                canvas.DrawCircle(x, y, r, paint);
                break;
            case "square":
                var half = r * 0.8f;
                canvas.DrawRect(x - half, y - half, 2 * half, 2 * half, paint);
                break;
            case "triangle":
                DrawPolygon(canvas, paint, x, y, r, s_triangleX, s_triangleY, 1f);
                break;
            case "star":
                DrawPolygon(canvas, paint, x, y, r, s_starX, s_starY, StarInnerRatio);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, "Unknown scene shape.");
        }
    }

    private static void DrawPolygon(SKCanvas canvas, SKPaint paint, float x, float y, float r, float[] xs, float[] ys, float oddRatio)
    {
        using var builder = new SKPathBuilder();
        for (var k = 0; k < xs.Length; k++)
        {
            var scale = k % 2 == 1 ? r * oddRatio : r;
            var px = x + (xs[k] * scale);
            var py = y + (ys[k] * scale);
            if (k == 0)
            {
                builder.MoveTo(px, py);
            }
            else
            {
                builder.LineTo(px, py);
            }
        }

        builder.Close();
        using var path = builder.Detach();
        canvas.DrawPath(path, paint);
    }
}
