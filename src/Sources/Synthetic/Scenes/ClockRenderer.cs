using MultiTrust.Core.Imaging;
using MultiTrust.Sources.Imaging;
using SkiaSharp;

namespace MultiTrust.Sources.Synthetic.Scenes;

/// <summary>
/// Draws a <see cref="ClockFace"/> as a <see cref="Scene.Size"/>-pixel RGB PNG: a dark rim, 60 minute ticks, 12 longer
/// hour ticks (the 12, 3, 6 and 9 thicker), an hour and a minute hand and a centre cap, without numerals. Drawn without
/// antialiasing, with hand and tick directions from <see cref="DialAngles"/> (computed by plain arithmetic, not the
/// platform's sine), so the bytes are identical on every machine. Thread-safe (stateless).
/// </summary>
public static class ClockRenderer
{
    private static readonly SKColor s_rim = new(40, 40, 40);

    public static RenderedImage Render(ClockFace clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        const int size = Scene.Size;
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var fill = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill, BlendMode = SKBlendMode.Src })
        using (var stroke = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Stroke, BlendMode = SKBlendMode.Src, StrokeCap = SKStrokeCap.Butt })
        {
            canvas.Clear(ScenePalette.ColourOf(clock.Background));
            float x = clock.X;
            float y = clock.Y;
            float r = clock.Radius;
            fill.Color = s_rim;
            canvas.DrawCircle(x, y, r, fill);
            fill.Color = ScenePalette.ColourOf(clock.Face);
            canvas.DrawCircle(x, y, r - 6, fill);

            stroke.Color = s_rim;
            for (var tick = 0; tick < 60; tick++)
            {
                var hourTick = tick % 5 == 0;
                stroke.StrokeWidth = tick % 15 == 0 ? 7 : hourTick ? 4 : 2;
                var inner = hourTick ? 0.78f : 0.88f;
                Ray(canvas, stroke, x, y, tick * 12, r * inner, r * 0.95f);
            }

            stroke.Color = ScenePalette.ColourOf(clock.Hands);
            stroke.StrokeWidth = 9;
            Ray(canvas, stroke, x, y, ClockTime.ToDial(clock.Hour, clock.Minute), -r * 0.08f, r * 0.5f);
            stroke.StrokeWidth = 5;
            Ray(canvas, stroke, x, y, clock.Minute * 12, -r * 0.1f, r * 0.82f);
            fill.Color = s_rim;
            canvas.DrawCircle(x, y, 7, fill);
        }

        return new RenderedImage(PngEncoder.Encode(BitmapPixels.ToRgb(bitmap), size, size, 3), size, size, "image/png");
    }

    // A segment along the direction `halfDegrees` (clockwise from 12) between distances `from` and `to` of the centre.
    private static void Ray(SKCanvas canvas, SKPaint paint, float x, float y, int halfDegrees, float from, float to)
    {
        var (dx, dy) = DialAngles.Direction(halfDegrees);
        canvas.DrawLine(x + (dx * from), y + (dy * from), x + (dx * to), y + (dy * to), paint);
    }
}
