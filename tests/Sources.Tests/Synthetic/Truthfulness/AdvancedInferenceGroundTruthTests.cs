using System.Globalization;
using System.Text.RegularExpressions;
using MultiTrust.Testing;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Synthetic.Scenes;
using SkiaSharp;

namespace MultiTrust.Sources.Tests.Synthetic.Truthfulness;

/// <summary>Every T.2 statement re-evaluated from its metadata by an independent reading of the statement grammar.</summary>
public sealed partial class AdvancedInferenceGroundTruthTests(GeneratedSamplesFixture generated) : IClassFixture<GeneratedSamplesFixture>
{
    private async Task<List<Sample>> SubsetAsync(string subset) => [.. (await generated.T2).Where(s => s.Subset == subset)];

    [Theory]
    [InlineData("spatial")]
    [InlineData("temporal")]
    [InlineData("compare")]
    [InlineData("math")]
    [InlineData("code")]
    [InlineData("translate")]
    public async Task Statements_IndependentlyEvaluated_AgreeWithTheLabel(string subset)
    {
        var samples = await SubsetAsync(subset);

        foreach (var sample in samples)
        {
            var statement = sample.Metadata["statement"];
            var truth = subset switch
            {
                "spatial" => Spatial(statement, SceneMetadata.Objects(sample.Metadata["objects"])),
                "temporal" => Temporal(statement, sample.Metadata["clock"]),
                "compare" => Compare(statement, SceneMetadata.Objects(sample.Metadata["objects"])),
                "math" => Math(statement, sample.Metadata["expression"]),
                "code" => Code(statement, sample.Metadata["code"]),
                _ => Translate(statement, sample.Metadata["answer"]),
            };
            Assert.True(truth == (sample.Target.Expected == "yes"), $"'{statement}' is {truth}, labelled {sample.Target.Expected} ({Describe(sample)})");
        }

        var variety = subset == "translate" ? "language" : "kind";
        Assert.True(samples.Select(s => s.Metadata[variety]).Distinct().Count() > 1, $"one {variety} only");
    }

    [Fact]
    public async Task SceneImages_ShowEachObjectInItsColourAtItsCentre()
    {
        foreach (var subset in new[] { "spatial", "compare" })
        {
            foreach (var sample in (await SubsetAsync(subset)).Take(10))
            {
                using var bitmap = SKBitmap.Decode(await StoredImages.ReadAsync(sample.Images[0]));
                foreach (var o in SceneMetadata.Objects(sample.Metadata["objects"]))
                {
                    Assert.Equal(ScenePalette.ColourOf(o.Colour), bitmap.GetPixel(o.X, o.Y));
                }
            }
        }
    }

    [Fact]
    public async Task ClockImages_HandsPointAtTheTime()
    {
        foreach (var sample in await SubsetAsync("temporal"))
        {
            var clock = sample.Metadata["clock"].Split(' ');
            var (hour, minute) = ParseTime(clock[0]);
            var (x, y, r) = (Int(clock[1]), Int(clock[2]), Int(clock[3]));
            var hands = ScenePalette.ColourOf(sample.Metadata["hands"]);
            using var bitmap = SKBitmap.Decode(await StoredImages.ReadAsync(sample.Images[0]));

            Assert.Equal(hands, Along(bitmap, x, y, minute * 6.0, r * 0.7));
            Assert.Equal(hands, Along(bitmap, x, y, ((hour % 12) * 30) + (minute * 0.5), r * 0.35));
        }
    }

    [Fact]
    public async Task CodeImages_NoLineWraps()
    {
        using var renderer = new MultiTrust.Sources.Imaging.TypographyRenderer(new() { Width = 640, FontSize = 30, Alignment = MultiTrust.Sources.Imaging.TypographyAlignment.Left });
        foreach (var sample in await SubsetAsync("code"))
        {
            foreach (var line in sample.Metadata["code"].Split('\n'))
            {
                Assert.Single(renderer.Wrap(line.Replace(' ', '\u00A0')));
            }
        }
    }

    private static bool Spatial(string statement, List<SceneObject> objects)
    {
        SceneObject Find(Match m, int group) => SceneMetadata.Find(objects, m.Groups[group].Value, m.Groups[group + 1].Value);
        Match m;
        if ((m = Between().Match(statement)).Success)
        {
            Func<SceneObject, int> axis = m.Groups[1].Value == "left to right" ? o => o.X : o => o.Y;
            var (s, a, b) = (axis(Find(m, 2)), axis(Find(m, 4)), axis(Find(m, 6)));
            return (a < s && s < b) || (b < s && s < a);
        }

        if ((m = Extreme().Match(statement)).Success)
        {
            var subject = Find(m, 1);
            var others = objects.Where(o => o != subject).ToList();
            return m.Groups[3].Value switch
            {
                "leftmost" => others.All(o => o.X > subject.X + 48),
                "rightmost" => others.All(o => o.X < subject.X - 48),
                "topmost" => others.All(o => o.Y > subject.Y + 48),
                _ => others.All(o => o.Y < subject.Y - 48),
            };
        }

        m = Compound().Match(statement);
        Assert.True(m.Success, $"unrecognised statement '{statement}'");
        var (p, q) = (Find(m, 1), Find(m, 5));
        var vertical = m.Groups[3].Value == "above" ? p.Y < q.Y - 48 : p.Y > q.Y + 48;
        var horizontal = m.Groups[4].Value == "to the left of" ? p.X < q.X - 48 : p.X > q.X + 48;
        return vertical && horizontal;
    }

    private static bool Temporal(string statement, string clock)
    {
        var shown = ToMinutes(ParseTime(clock.Split(' ')[0]));
        var m = Clock().Match(statement);
        Assert.True(m.Success, $"unrecognised statement '{statement}'");
        var claimed = ToMinutes(ParseTime(m.Groups[4].Value));
        var shift = m.Groups[2].Success ? Int(m.Groups[2].Value) : m.Groups[3].Success ? -Int(m.Groups[3].Value) : 0;
        return (((shown + shift) % 720) + 720) % 720 == claimed;
    }

    private static bool Compare(string statement, List<SceneObject> objects)
    {
        Match m;
        if ((m = Size().Match(statement)).Success)
        {
            var (a, b) = (SceneMetadata.Find(objects, m.Groups[1].Value, m.Groups[2].Value), SceneMetadata.Find(objects, m.Groups[4].Value, m.Groups[5].Value));
            Assert.Equal(a.Shape, b.Shape);
            Assert.True(System.Math.Max(a.Radius, b.Radius) >= 1.4 * System.Math.Min(a.Radius, b.Radius));
            return m.Groups[3].Value == "larger" ? a.Radius > b.Radius : a.Radius < b.Radius;
        }

        m = More().Match(statement);
        Assert.True(m.Success, $"unrecognised statement '{statement}'");
        Func<SceneObject, string, bool> matches = m.Groups[3].Success
            ? (o, word) => o.Colour == word
            : (o, word) => o.Shape == SceneMetadata.Singular(word);
        var first = objects.Count(o => matches(o, m.Groups[2].Value));
        var second = objects.Count(o => matches(o, m.Groups[4].Value));
        Assert.NotEqual(first, second);
        return m.Groups[1].Value == "more" ? first > second : first < second;
    }

    private static bool Math(string statement, string expression)
    {
        var numbers = Numbers().Matches(expression).Select(n => long.Parse(n.Value, CultureInfo.InvariantCulture)).ToArray();
        var value = expression.Contains('+', StringComparison.Ordinal) && expression.Contains('×', StringComparison.Ordinal) ? numbers[0] + (numbers[1] * numbers[2])
            : expression.Contains('+', StringComparison.Ordinal) ? numbers[0] + numbers[1]
            : expression.Contains('×', StringComparison.Ordinal) ? numbers[0] * numbers[1]
            : numbers[0] - numbers[1];
        return value == Claimed(statement, "is");
    }

    // What each of the six snippet templates prints, read from its source text.
    private static bool Code(string statement, string code)
    {
        var n = Numbers().Matches(code).Select(m => long.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
        long output;
        if (code.StartsWith("total", StringComparison.Ordinal))
        {
            output = n[0] + (n[1] * n[2]);
        }
        else if (code.StartsWith("nums", StringComparison.Ordinal))
        {
            output = n.Max() - n.Min();
        }
        else if (code.Contains("if x >", StringComparison.Ordinal))
        {
            output = n[0] > n[1] ? n[0] - n[1] : n[0] + n[1];
        }
        else if (code.Contains("a, b = b, a + b", StringComparison.Ordinal))
        {
            output = code.EndsWith("print(a)", StringComparison.Ordinal) ? n[1] : n[0] + n[1];
        }
        else if (code.Contains("//", StringComparison.Ordinal))
        {
            output = (n[0] / n[1]) + (n[0] % n[1]);
        }
        else
        {
            Assert.Matches(@"^x = \d+\nx = x \+ \d+\nprint\(x \* \d+\)$", code);
            output = (n[0] + n[1]) * n[2];
        }

        return output == Claimed(statement, "prints");
    }

    private static bool Translate(string statement, string answer)
    {
        var m = Quoted().Match(statement);
        Assert.True(m.Success, $"unrecognised statement '{statement}'");
        return m.Groups[1].Value == answer;
    }

    private static long Claimed(string statement, string verb)
    {
        var m = Regex.Match(statement, $@" {verb} (\d+)\.$");
        Assert.True(m.Success, $"unrecognised statement '{statement}'");
        return long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static SKColor Along(SKBitmap bitmap, int x, int y, double degrees, double distance)
    {
        var radians = degrees * System.Math.PI / 180;
        return bitmap.GetPixel((int)System.Math.Round(x + (System.Math.Sin(radians) * distance)), (int)System.Math.Round(y - (System.Math.Cos(radians) * distance)));
    }

    private static (int Hour, int Minute) ParseTime(string text) => (Int(text.Split(':')[0]), Int(text.Split(':')[1]));

    private static int ToMinutes((int Hour, int Minute) time) => ((time.Hour % 12) * 60) + time.Minute;

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Describe(Sample sample) => string.Join(" | ", sample.Metadata.Select(kv => $"{kv.Key}={kv.Value}"));

    [GeneratedRegex(@"^Looking from (left to right|top to bottom), the (\w+) (\w+) is between the (\w+) (\w+) and the (\w+) (\w+)\.$")]
    private static partial Regex Between();

    [GeneratedRegex(@"^The (\w+) (\w+) is the (leftmost|rightmost|topmost|bottommost) object in the image\.$")]
    private static partial Regex Extreme();

    [GeneratedRegex(@"^The (\w+) (\w+) is (above|below) and (to the left of|to the right of) the (\w+) (\w+)\.$")]
    private static partial Regex Compound();

    [GeneratedRegex(@"^(The clock in the image shows|In (\d+) minutes, the clock will show|(\d+) minutes ago, the clock showed) (\d{1,2}:\d\d)\.$")]
    private static partial Regex Clock();

    [GeneratedRegex(@"^The (\w+) (\w+) is (larger|smaller) than the (\w+) (\w+)\.$")]
    private static partial Regex Size();

    [GeneratedRegex(@"^There are (more|fewer) (\w+)( objects)? than (\w+)(?: objects)? in the image\.$")]
    private static partial Regex More();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Quoted();
}
