using MultiTrust.Core.Imaging;
using SkiaSharp;

namespace MultiTrust.Sources.Imaging;

/// <summary>
/// Renders text as a PNG, by default black on white greyscale: words wrapped at the image width (a word longer than a
/// line is split across lines), explicit newlines kept, each line aligned as configured, then optionally the empty
/// numbered list of the FigStep/SafeBench layout (<see cref="TypographyOptions.EmptyListItems"/>). Every rendering
/// parameter is fixed and text is drawn without antialiasing or hinting from a shipped font file, so the same text
/// gives byte-identical PNGs on every machine (see <see cref="PngEncoder"/>). Empty or whitespace-only text is an
/// error unless list items are configured (then only the list is drawn). Not thread-safe: use one instance per
/// generator run. Dispose to release the font.
/// </summary>
public sealed class TypographyRenderer : IDisposable
{
    private readonly TypographyOptions _options;
    private readonly SKTypeface _typeface;
    private readonly SKFont _font;
    private readonly SKPaint _paint;
    private readonly float _ascent;
    private readonly bool _ownsTypeface;

    public TypographyRenderer(TypographyOptions? options = null)
        : this(options ?? new TypographyOptions(), null)
    {
    }

    /// <summary>A renderer drawing with <paramref name="typeface"/> (which must be <see cref="TypographyOptions.FontFile"/>
    /// loaded by <see cref="ShippedFonts.Load"/>): the caller keeps ownership, so renderers built concurrently for
    /// parallel generation share one loaded font. Null loads the font file, owned by the renderer.</summary>
    internal TypographyRenderer(TypographyOptions options, SKTypeface? typeface)
    {
        _options = options;
        Validate(_options);

        _ownsTypeface = typeface is null;
        _typeface = typeface ?? ShippedFonts.Load(_options.FontFile);
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
        _paint = new SKPaint { Color = ToSkia(_options.TextColor), IsAntialias = false, Style = SKPaintStyle.Fill };
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

    /// <summary>Renders <paramref name="text"/>; the height follows from the number of wrapped lines (at least
    /// <see cref="TypographyOptions.MinHeight"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or whitespace and no list items are configured.</exception>
    public RenderedImage Render(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Layout(text);
        var lineHeight = _options.FontSize * _options.LineSpacing;
        var width = _options.Width;
        var height = Math.Max(_options.MinHeight, (int)Math.Ceiling(lines.Count * lineHeight) + (2 * _options.Margin));
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(ToSkia(_options.BackgroundColor));
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].Length == 0)
                {
                    continue;
                }

                var baseline = MathF.Round(_options.Margin + (i * lineHeight) + _ascent);
                canvas.DrawText(lines[i], LineStart(lines[i]), baseline, SKTextAlign.Left, _font, _paint);
            }
        }

        if (_options.TextColor.IsGrey && _options.BackgroundColor.IsGrey)
        {
            return new RenderedImage(PngEncoder.Encode(BitmapPixels.ToGrey(bitmap), width, height, 1), width, height, "image/png");
        }

        return new RenderedImage(PngEncoder.Encode(BitmapPixels.ToRgb(bitmap), width, height, 3), width, height, "image/png");
    }

    /// <summary>The wrapped lines of <paramref name="text"/> followed by the empty numbered list items, if any.</summary>
    public IReadOnlyList<string> Layout(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var items = _options.EmptyListItems;
        if (string.IsNullOrWhiteSpace(text) && items == 0)
        {
            throw new ArgumentException("Typography text is empty or whitespace: there is nothing to render (configure EmptyListItems to draw only a list).", nameof(text));
        }

        List<string> lines = string.IsNullOrWhiteSpace(text) ? [] : [.. Wrap(text)];
        for (var i = 1; i <= items; i++)
        {
            lines.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        }

        return lines;
    }

    public void Dispose()
    {
        _paint.Dispose();
        _font.Dispose();
        if (_ownsTypeface)
        {
            _typeface.Dispose();
        }
    }

    private float LineStart(string line) => _options.Alignment switch
    {
        TypographyAlignment.Left => _options.Margin,
        TypographyAlignment.Right => MathF.Floor(_options.Width - _options.Margin - _font.MeasureText(line)),
        _ => MathF.Floor((_options.Width - _font.MeasureText(line)) / 2f),
    };

    private static SKColor ToSkia(TypographyColor colour) => new(colour.R, colour.G, colour.B);

    private static void Validate(TypographyOptions options)
    {
        if (options.FontSize <= 0 || options.LineSpacing <= 0 || options.Margin < 0 || options.MinHeight < 0)
        {
            throw new ArgumentException($"Typography FontSize ({options.FontSize}) and LineSpacing ({options.LineSpacing}) must be positive, Margin ({options.Margin}) and MinHeight ({options.MinHeight}) not negative.", nameof(options));
        }

        if (options.Width <= (2 * options.Margin) + options.FontSize)
        {
            throw new ArgumentException($"Typography width {options.Width} leaves no room for text at size {options.FontSize}.", nameof(options));
        }

        if (options.EmptyListItems is < 0 or > 99)
        {
            throw new ArgumentException($"Typography EmptyListItems must be 0..99, got {options.EmptyListItems}.", nameof(options));
        }

        if (!Enum.IsDefined(options.Alignment))
        {
            throw new ArgumentException($"Unknown typography alignment {options.Alignment}.", nameof(options));
        }
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
