using System.Buffers;
using System.Runtime.InteropServices;
using MultiTrust.Core.Imaging;
using MultiTrust.Sources.Imaging;
using SkiaSharp;

namespace MultiTrust.Sources.Synthetic.Scenes;

/// <summary>
/// Draws a <see cref="Scene"/> as a 384 × 384 palette PNG. Shapes are filled without antialiasing from hard-coded unit
/// vertices (no trigonometry at run time), so every pixel is exactly one of the scene's colours and the bytes are
/// identical on every machine. Skia draws palette indexes into an 8-bit grey bitmap (grey level k = index k: index 0
/// the background, 1–6 <see cref="ScenePalette.Colours"/>); the PNG carries them with the seven RGB colours
/// (<see cref="PngCompression.Runs"/>). The pixels are exactly those of the earlier RGB rendering (same coverage, same
/// colours); only the encoding is smaller and about 20 times faster. Thread-safe (stateless).
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
        ArgumentNullException.ThrowIfNull(scene);
        const int size = Scene.Size;
        // Skia draws into a pooled, pinned buffer: a fresh 147 KB bitmap per scene costs an mmap, its page faults and
        // a munmap (glibc maps blocks that large), more than the drawing.
        var info = new SKImageInfo(size, size, SKColorType.Gray8, SKAlphaType.Opaque);
        var pixels = ArrayPool<byte>.Shared.Rent(size * size);
        var pin = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        try
        {
            using (var bitmap = new SKBitmap())
            {
                if (!bitmap.InstallPixels(info, pin.AddrOfPinnedObject(), info.RowBytes))
                {
                    throw new InvalidOperationException("Skia refused the scene pixel buffer.");
                }

                using var canvas = new SKCanvas(bitmap);
                using var paint = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill, BlendMode = SKBlendMode.Src };
                canvas.Clear(Index(0));
                foreach (var item in scene.Objects)
                {
                    paint.Color = Index(ScenePalette.IndexOf(item.Colour));
                    DrawShape(canvas, paint, item.Shape, item.X, item.Y, item.Radius);
                }
            }

            return Encode(scene, pixels.AsSpan(0, size * size));
        }
        finally
        {
            pin.Free();
            ArrayPool<byte>.Shared.Return(pixels);
        }
    }

    private static RenderedImage Encode(Scene scene, ReadOnlySpan<byte> indexes)
    {
        const int size = Scene.Size;
        Span<byte> palette = stackalloc byte[3 * (ScenePalette.Colours.Count + 1)];
        Rgb(ScenePalette.ColourOf(scene.Background), palette);
        for (var k = 0; k < ScenePalette.Colours.Count; k++)
        {
            Rgb(ScenePalette.ColourOf(ScenePalette.Colours[k]), palette[(3 * (k + 1))..]);
        }

        var png = PngEncoder.EncodeIndexed(indexes, size, size, palette, PngCompression.Runs);
        return new RenderedImage(png, size, size, "image/png");
    }

    // Palette index k as the grey level Skia stores for it in a Gray8 bitmap (luminance of (k, k, k) is k).
    private static SKColor Index(int k) => new((byte)k, (byte)k, (byte)k);

    private static void Rgb(SKColor colour, Span<byte> destination)
    {
        destination[0] = colour.Red;
        destination[1] = colour.Green;
        destination[2] = colour.Blue;
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
