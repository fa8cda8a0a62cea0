using MultiTrust.Core;
using SkiaSharp;

namespace MultiTrust.Sources.Imaging;

/// <summary>
/// Loads the fonts shipped under <c>data/fonts</c> by file, never through system font lookup, so rendering does not
/// depend on what is installed on the machine.
/// </summary>
public static class ShippedFonts
{
    public const string Sans = "DejaVuSans.ttf";
    public const string SansBold = "DejaVuSans-Bold.ttf";
    public const string MonoBold = "DejaVuSansMono-Bold.ttf";

    /// <summary>Loads <c>data/fonts/&lt;fileName&gt;</c>; the caller owns (disposes) the typeface.</summary>
    public static SKTypeface Load(string fileName)
    {
        var path = DataPaths.Combine("fonts", fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Shipped font '{fileName}' not found at {path}.", path);
        }

        return SKTypeface.FromFile(path)
            ?? throw new InvalidDataException($"Shipped font {path} could not be loaded by SkiaSharp (not a valid font file?).");
    }
}
