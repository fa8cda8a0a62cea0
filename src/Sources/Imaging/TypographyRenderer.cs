using MultiTrust.Core.Imaging;
using SkiaSharp;

namespace MultiTrust.Sources.Imaging;

/// <summary>
/// Renders text as a black-on-white greyscale PNG: words wrapped at the image width (a word longer than a line is
/// split), explicit newlines kept, each line centred. Every rendering parameter is fixed and text is drawn without
/// antialiasing or hinting from a shipped font file, so the same text gives byte-identical PNGs on every machine
/// (see <see cref="PngEncoder"/>). Not thread-safe: use one instance per generator run. Dispose to release the font.
/// </summary>
public sealed class TypographyRenderer : IDisposable
{
    private readonly TypographyOptions _options;
    private readonly SKTypeface _typeface;
    private readonly SKFont _font;
    private readonly SKPaint _paint;
    private readonly float _ascent;

    public TypographyRenderer(TypographyOptions? options = null)
    {
        _options = options ?? new TypographyOptions();
        if (_options.Width <= 2 * _options.Margin + _options.FontSize)
        {
            throw new ArgumentException($"Typography width {_options.Width} leaves no room for text at size {_options.FontSize}.", nameof(options));
        }

        _typeface = ShippedFonts.Load(_options.FontFile);
        _font = new SKFont(_typeface, _options.FontSize)
        {
            Edging = SKFontEdging.Alias,
            Hinting = SKFontHinting.None,
            Subpixel = false,
            LinearMetrics = true,
            EmbeddedBitmaps = false,
            ForceAutoHinting = false,
            BaselineSnap = true,
        };
        _paint = new SKPaint { Color = SKColors.Black, IsAntialias = false, Style = SKPaintStyle.Fill };
        _ascent = -_font.Metrics.Ascent;
    }

    public TypographyOptions Options => _options;

    /// <summary>The lines <paramref name="text"/> wraps into at the configured width.</summary>
    public IReadOnlyList<string> Wrap(string text)
    {
        var maxWidth = _options.Width - (2 * _options.Margin);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var current = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (_font.MeasureText(candidate) <= maxWidth)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (_font.MeasureText(current) > maxWidth)
                {
                    var fit = FittingPrefix(current, maxWidth);
                    lines.Add(current[..fit]);
                    current = current[fit..];
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    /// <summary>Renders <paramref name="text"/>; the height follows from the number of wrapped lines.</summary>
    public RenderedImage Render(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Wrap(text);
        var lineHeight = _options.FontSize * _options.LineSpacing;
        var width = _options.Width;
        var height = (int)Math.Ceiling(lines.Count * lineHeight) + (2 * _options.Margin);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].Length == 0)
                {
                    continue;
                }

                var x = MathF.Floor((width - _font.MeasureText(lines[i])) / 2f);
                var baseline = MathF.Round(_options.Margin + (i * lineHeight) + _ascent);
                canvas.DrawText(lines[i], x, baseline, SKTextAlign.Left, _font, _paint);
            }
        }

        var grey = BitmapPixels.ToGrey(bitmap);
        return new RenderedImage(PngEncoder.Encode(grey, width, height, 1), width, height, "image/png");
    }

    public void Dispose()
    {
        _paint.Dispose();
        _font.Dispose();
        _typeface.Dispose();
    }

    private int FittingPrefix(string word, float maxWidth)
    {
        var fit = 1;
        while (fit < word.Length && _font.MeasureText(word.AsSpan(0, fit + 1)) <= maxWidth)
        {
            fit++;
        }

        return fit;
    }
}
