using SkiaSharp;

namespace MultiTrust.Sources.Synthetic.Scenes;

/// <summary>The fixed vocabulary of scenes: shapes, object colours and background colours with their RGB values.</summary>
public static class ScenePalette
{
    public static IReadOnlyList<string> Shapes { get; } = ["circle", "square", "triangle", "star"];

    public static IReadOnlyList<string> Colours { get; } = ["red", "green", "blue", "yellow", "purple", "orange"];

    public static IReadOnlyList<string> Backgrounds { get; } = ["white", "light grey", "cream"];

    public static SKColor ColourOf(string name) => name switch
    {
        "red" => new SKColor(220, 30, 30),
        "green" => new SKColor(30, 160, 60),
        "blue" => new SKColor(30, 70, 220),
        "yellow" => new SKColor(235, 195, 0),
        "purple" => new SKColor(140, 50, 180),
        "orange" => new SKColor(245, 125, 20),
        "white" => new SKColor(255, 255, 255),
        "light grey" => new SKColor(225, 225, 225),
        "cream" => new SKColor(250, 243, 222),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown scene colour."),
    };

    /// <summary>Palette index of an object colour in rendered scenes: 1 + its position in <see cref="Colours"/>
    /// (index 0 is the background).</summary>
    public static int IndexOf(string colour) => colour switch
    {
        "red" => 1,
        "green" => 2,
        "blue" => 3,
        "yellow" => 4,
        "purple" => 5,
        "orange" => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(colour), colour, "Unknown scene object colour."),
    };

    public static string Plural(string shape) => shape + "s";
}
