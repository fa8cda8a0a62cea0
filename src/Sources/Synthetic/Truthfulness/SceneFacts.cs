using MultiTrust.Sources.Synthetic.Scenes;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>The metadata of a rendered scene: <c>objects</c> (<c>colour shape x y radius;...</c>) and <c>background</c>.</summary>
internal static class SceneFacts
{
    public static IReadOnlyDictionary<string, string> Of(Scene scene, params (string Key, string Value)[] extra)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["objects"] = scene.Describe(),
            ["background"] = scene.Background,
        };
        foreach (var (key, value) in extra)
        {
            facts[key] = value;
        }

        return facts;
    }
}
