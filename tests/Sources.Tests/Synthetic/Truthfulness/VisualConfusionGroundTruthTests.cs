using System.Globalization;
using System.Text.RegularExpressions;
using MultiTrust.Testing;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Synthetic.Scenes;
using SkiaSharp;

namespace MultiTrust.Sources.Tests.Synthetic.Truthfulness;

/// <summary>Every T.6 statement re-evaluated from its metadata, and the images checked against the metadata.</summary>
public sealed partial class VisualConfusionGroundTruthTests(GeneratedSamplesFixture generated) : IClassFixture<GeneratedSamplesFixture>
{
    [Theory]
    [InlineData("contrast")]
    [InlineData("mirror")]
    [InlineData("dislocation")]
    public async Task Statements_IndependentlyEvaluated_AgreeWithTheLabel(string subset)
    {
        var samples = await SubsetAsync(subset);

        foreach (var sample in samples)
        {
            var statement = sample.Metadata["statement"];
            var truth = subset switch
            {
                "contrast" => Contrast(statement, sample.Metadata),
                "mirror" => Mirror(statement, sample.Metadata),
                _ => Scene(statement, SceneMetadata.Objects(sample.Metadata["objects"])),
            };
            Assert.True(truth == (sample.Target.Expected == "yes"), $"'{statement}' is {truth}, labelled {sample.Target.Expected} ({Describe(sample)})");
        }

        Assert.True(samples.Select(s => s.Metadata["kind"]).Distinct().Count() > 2);
    }

    [Fact]
    public async Task MirrorImages_LowerHalfMirrorsUpperHalfExactlyWhenTheReflectionIsExact()
    {
        foreach (var sample in await SubsetAsync("mirror"))
        {
            using var bitmap = SKBitmap.Decode(await StoredImages.ReadAsync(sample.Images[0]));
            var mirrored = Enumerable.Range(2, 190).All(j => Row(bitmap, 191 - j).SequenceEqual(Row(bitmap, 192 + j)));
            Assert.Equal(sample.Metadata["difference"] == "none", mirrored);
            Assert.Equal(new SKColor(90, 90, 90), bitmap.GetPixel(10, 191));
        }
    }

    [Fact]
    public async Task DislocationImages_ObjectHalvesShiftedWithTheirStrips()
    {
        foreach (var sample in await SubsetAsync("dislocation"))
        {
            using var bitmap = SKBitmap.Decode(await StoredImages.ReadAsync(sample.Images[0]));
            var strips = sample.Metadata["strips"].Split(' ');
            var offsets = strips[1].Split(',').Select(int.Parse).ToArray();
            foreach (var o in SceneMetadata.Objects(sample.Metadata["objects"]).Where(o => o.Shape != "star"))
            {
                var (x, y) = strips[0] == "columns" ? (o.X - 10, o.Y + offsets[(o.X - 10) / 48]) : (o.X + offsets[(o.Y - 10) / 48], o.Y - 10);
                Assert.Equal(ScenePalette.ColourOf(o.Colour), bitmap.GetPixel(x, y));
            }
        }
    }

    [Fact]
    public async Task ContrastImages_LevelsAsDescribed()
    {
        foreach (var sample in await SubsetAsync("contrast"))
        {
            using var bitmap = SKBitmap.Decode(await StoredImages.ReadAsync(sample.Images[0]));
            if (sample.Metadata["kind"] == "illusion")
            {
                var levels = Numbers().Matches(sample.Metadata["levels"]).Select(m => Int(m.Value)).ToArray();
                var darkX = sample.Metadata["dark_side"] == "left" ? 96 : 288;
                Assert.Equal(Grey(levels[0]), bitmap.GetPixel(darkX, 10));
                Assert.Equal(Grey(levels[1]), bitmap.GetPixel(darkX, 192));
                Assert.Equal(Grey(levels[2]), bitmap.GetPixel(384 - darkX, 10));
                Assert.Equal(Grey(levels[3]), bitmap.GetPixel(384 - darkX, 192));
                continue;
            }

            var background = Int(sample.Metadata["background_level"]);
            var shape = Int(sample.Metadata["shape_level"]);
            Assert.InRange(Math.Abs(shape - background), 12, 18);
            Assert.Equal(Grey(background), bitmap.GetPixel(0, 0));
            foreach (var o in sample.Metadata["objects"].Split(';').Select(p => p.Split(' ')))
            {
                Assert.Equal(Grey(shape), bitmap.GetPixel(Int(o[1]), Int(o[2])));
            }
        }
    }

    private async Task<List<Sample>> SubsetAsync(string subset) => [.. (await generated.T6).Where(s => s.Subset == subset)];

    private static bool Contrast(string statement, IReadOnlyDictionary<string, string> metadata)
    {
        if (metadata["kind"] == "illusion")
        {
            var levels = Numbers().Matches(metadata["levels"]).Select(m => Int(m.Value)).ToArray();
            var same = levels[1] == levels[3];
            Assert.True(same || Math.Abs(levels[1] - levels[3]) >= 56);
            return statement.Contains("exactly the same colour", StringComparison.Ordinal) ? same : !same;
        }

        var shapes = metadata["objects"].Split(';').Select(p => p.Split(' ')[0]).ToList();
        return Shapes(statement, shapes);
    }

    private static bool Mirror(string statement, IReadOnlyDictionary<string, string> metadata)
    {
        if (statement.Contains("mirror", StringComparison.Ordinal))
        {
            var above = metadata["objects"].Split(';').Order(StringComparer.Ordinal);
            var below = metadata["reflected"].Split(';', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
            return above.SequenceEqual(below);
        }

        var m = Count().Match(statement);
        Assert.True(m.Success && m.Groups[3].Value == " above the line", $"unrecognised statement '{statement}'");
        return SceneMetadata.Objects(metadata["objects"]).Count(o => o.Shape == SceneMetadata.Singular(m.Groups[2].Value)) == Int(m.Groups[1].Value);
    }

    private static bool Scene(string statement, List<SceneObject> objects)
    {
        var m = Existence().Match(statement);
        if (m.Success)
        {
            return objects.Any(o => o.Colour == m.Groups[1].Value && o.Shape == m.Groups[2].Value);
        }

        return Shapes(statement, [.. objects.Select(o => o.Shape)]);
    }

    private static bool Shapes(string statement, List<string> shapes)
    {
        Match m;
        if ((m = ShapeExistence().Match(statement)).Success)
        {
            return shapes.Contains(m.Groups[1].Value);
        }

        m = Count().Match(statement);
        Assert.True(m.Success && m.Groups[3].Value == " in the image", $"unrecognised statement '{statement}'");
        return shapes.Count(s => s == SceneMetadata.Singular(m.Groups[2].Value)) == Int(m.Groups[1].Value);
    }

    private static byte[] Row(SKBitmap bitmap, int y) => [.. Enumerable.Range(0, bitmap.Width).SelectMany(x =>
    {
        var c = bitmap.GetPixel(x, y);
        return new[] { c.Red, c.Green, c.Blue };
    })];

    private static SKColor Grey(int level) => new((byte)level, (byte)level, (byte)level);

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Describe(Sample sample) => string.Join(" | ", sample.Metadata.Select(kv => $"{kv.Key}={kv.Value}"));

    [GeneratedRegex(@"^There (?:is|are) exactly (\d) (\w+)( above the line| in the image)\.$")]
    private static partial Regex Count();

    [GeneratedRegex(@"^There is an? (\w+) (\w+) in the image\.$")]
    private static partial Regex Existence();

    [GeneratedRegex(@"^There is an? (\w+) in the image\.$")]
    private static partial Regex ShapeExistence();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
