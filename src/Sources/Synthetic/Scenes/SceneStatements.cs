using MultiTrust.Core.Randomness;

namespace MultiTrust.Sources.Synthetic.Scenes;

/// <summary>
/// Writes statements with exact ground truth about a scene, for a requested truth value. Returns null when the scene
/// cannot support the requested statement (the generator then draws another scene from the same random stream).
/// </summary>
internal static class SceneStatements
{
    /// <summary>Existence: "There is a red circle in the image."</summary>
    public static SceneStatement Existence(Scene scene, bool truth, SeededRandom rng)
    {
        string colour;
        string shape;
        if (truth)
        {
            var item = rng.Pick(scene.Objects);
            (colour, shape) = (item.Colour, item.Shape);
        }
        else
        {
            // A near miss: share the colour or the shape of a present object.
            var anchor = rng.Pick(scene.Objects);
            do
            {
                var keepColour = rng.NextBool();
                colour = keepColour ? anchor.Colour : rng.Pick(ScenePalette.Colours);
                shape = keepColour ? rng.Pick(ScenePalette.Shapes) : anchor.Shape;
            }
            while (scene.Contains(colour, shape));
        }

        return new SceneStatement($"There is {Article(colour)} {colour} {shape} in the image.", "existence", truth);
    }

    /// <summary>Count ("There are exactly 3 squares in the image.") or colour ("The square in the image is red.").</summary>
    public static SceneStatement Attribute(Scene scene, bool truth, SeededRandom rng)
    {
        var single = ScenePalette.Shapes.Where(s => scene.Count(s) == 1).ToList();
        if (single.Count > 0 && rng.NextBool())
        {
            var shape = rng.Pick(single);
            var actual = scene.Objects.First(o => o.Shape == shape).Colour;
            var colour = truth ? actual : rng.Pick(ScenePalette.Colours.Where(c => c != actual).ToList());
            return new SceneStatement($"The {shape} in the image is {colour}.", "colour", truth);
        }

        var counted = truth ? rng.Pick(scene.Objects).Shape : rng.Pick(ScenePalette.Shapes);
        var count = scene.Count(counted);
        var claimed = count;
        while (!truth && claimed == count)
        {
            claimed = rng.NextInt(1, 5);
        }

        var text = claimed == 1
            ? $"There is exactly 1 {counted} in the image."
            : $"There are exactly {claimed} {ScenePalette.Plural(counted)} in the image.";
        return new SceneStatement(text, "count", truth);
    }

    /// <summary>
    /// Position, relative ("The blue triangle is to the left of the green star.") or absolute ("The red circle is in
    /// the top half of the image."). Relative statements need two objects.
    /// </summary>
    public static SceneStatement? Position(Scene scene, bool truth, SeededRandom rng)
    {
        if (scene.Objects.Count < 2 || rng.NextInt(10) < 3)
        {
            var item = rng.Pick(scene.Objects);
            var horizontal = rng.NextBool();
            var actual = horizontal ? (item.Column < 2 ? "left" : "right") : (item.Row < 2 ? "top" : "bottom");
            var claimed = truth ? actual : Opposite(actual);
            return new SceneStatement($"The {item.Name} is in the {claimed} half of the image.", "absolute", truth);
        }

        var a = rng.Pick(scene.Objects);
        var b = rng.Pick(scene.Objects.Where(o => o != a).ToList());
        var axes = new List<bool>(2);
        if (a.Column != b.Column)
        {
            axes.Add(true);
        }

        if (a.Row != b.Row)
        {
            axes.Add(false);
        }

        var useColumns = rng.Pick(axes);
        var relation = useColumns ? (a.Column < b.Column ? "to the left of" : "to the right of") : (a.Row < b.Row ? "above" : "below");
        var phrase = truth ? relation : Opposite(relation);
        return new SceneStatement($"The {a.Name} is {phrase} the {b.Name}.", "relative", truth);
    }

    private static string Opposite(string relation) => relation switch
    {
        "left" => "right",
        "right" => "left",
        "top" => "bottom",
        "bottom" => "top",
        "to the left of" => "to the right of",
        "to the right of" => "to the left of",
        "above" => "below",
        "below" => "above",
        _ => throw new ArgumentOutOfRangeException(nameof(relation), relation, null),
    };

    private static string Article(string word) => "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";
}
