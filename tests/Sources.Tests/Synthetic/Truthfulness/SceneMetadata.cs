using System.Globalization;
using MultiTrust.Sources.Synthetic.Scenes;

namespace MultiTrust.Sources.Tests.Synthetic.Truthfulness;

/// <summary>Reads scene metadata back (<c>colour shape x y radius;...</c>), independently of the generators.</summary>
internal static class SceneMetadata
{
    public static List<SceneObject> Objects(string text) => text.Length == 0 ? [] : text.Split(';').Select(part =>
    {
        var words = part.Split(' ');
        var n = words.Length;
        var numbers = words[(n - 3)..].Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray();
        return new SceneObject(words[n - 4], string.Join(' ', words[..(n - 4)]), numbers[0], numbers[1], numbers[2]);
    }).ToList();

    public static SceneObject Find(List<SceneObject> objects, string colour, string shape) =>
        objects.Single(o => o.Colour == colour && o.Shape == shape);

    /// <summary>"circles" → "circle".</summary>
    public static string Singular(string plural) => plural.EndsWith('s') ? plural[..^1] : plural;
}
