using System.Globalization;
using System.Text.RegularExpressions;
using MultiTrust.Testing;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Imaging;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Synthetic.Scenes;
using SkiaSharp;

namespace MultiTrust.Sources.Tests.Synthetic;

public sealed partial class SceneGeneratorTests : IDisposable
{
    // Byte-identical rendering of a fixed scene; a change here changes every T.1 image and sample id.
    private const string GoldenSceneSha256 = "3057a76e02eb5bc2aa6d010110d6424ef8eaf1e4848ebd517c0137a1fd51a9d5";

    // The same scene as the RGB PNG (PngCompression.Default) of the renderer before palette PNGs: re-encoding the
    // palette PNG's pixels that way must give these bytes again, i.e. only the encoding changed, not one pixel.
    private const string RgbEraSceneSha256 = "9bb549d59bc59baf8caf42e861201991c5464c8be41fcc853654edfb4a7c8447";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Scene FixedScene { get; } = new("cream",
    [
        new SceneObject("circle", "red", 50, 60, 30),
        new SceneObject("square", "blue", 150, 140, 34),
        new SceneObject("triangle", "green", 240, 330, 36),
        new SceneObject("star", "yellow", 330, 50, 32),
    ]);

    [Fact]
    public void Render_FixedScene_MatchesGoldenHash()
    {
        var image = SceneRenderer.Render(FixedScene);

        Assert.Equal(GoldenSceneSha256, ContentHasher.Sha256Hex(image.Bytes));
    }

    [Fact]
    public void Render_FixedScene_HasThePixelsOfTheRgbEraRenderer()
    {
        var image = SceneRenderer.Render(FixedScene);

        using var decoded = SKBitmap.Decode(image.Bytes, new SKImageInfo(Scene.Size, Scene.Size, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rgba = decoded.GetPixelSpan();
        var rgb = new byte[Scene.Size * Scene.Size * 3];
        for (int i = 0, j = 0; j < rgb.Length; i += 4, j += 3)
        {
            (rgb[j], rgb[j + 1], rgb[j + 2]) = (rgba[i], rgba[i + 1], rgba[i + 2]);
        }

        Assert.Equal(RgbEraSceneSha256, ContentHasher.Sha256Hex(PngEncoder.Encode(rgb, Scene.Size, Scene.Size, 3, PngCompression.Default)));
    }

    [Fact]
    public async Task GenerateAsync_SameSeedTwice_IdenticalIdsAndImageBytes()
    {
        var first = await GeneratorTestKit.CollectAsync(new SceneGenerator(GeneratorTestKit.T1), 11, 12, Path.Combine(_dir.Path, "a"));
        var second = await GeneratorTestKit.CollectAsync(new SceneGenerator(GeneratorTestKit.T1), 11, 12, Path.Combine(_dir.Path, "b"));

        Assert.Equal(
            await GeneratorTestKit.FingerprintAsync(first, Path.Combine(_dir.Path, "a")),
            await GeneratorTestKit.FingerprintAsync(second, Path.Combine(_dir.Path, "b")));
        Assert.Equal(first.Select(s => s.Prompt), second.Select(s => s.Prompt));
    }

    [Fact]
    public async Task GenerateAsync_DifferentSeed_DifferentSamples()
    {
        var first = await GeneratorTestKit.CollectAsync(new SceneGenerator(GeneratorTestKit.T1), 11, 12, _dir.Path);
        var second = await GeneratorTestKit.CollectAsync(new SceneGenerator(GeneratorTestKit.T1), 12, 12, _dir.Path);

        Assert.Empty(first.Select(s => s.Id).Intersect(second.Select(s => s.Id)));
    }

    [Fact]
    public async Task GenerateAsync_LongerRun_ExtendsShorterRun()
    {
        var shorter = await GeneratorTestKit.CollectAsync(new SceneGenerator(GeneratorTestKit.T1), 5, 6, _dir.Path);
        var longer = await GeneratorTestKit.CollectAsync(new SceneGenerator(GeneratorTestKit.T1), 5, 9, _dir.Path);

        Assert.Equal(shorter.Select(s => s.Id), longer.Take(6).Select(s => s.Id));
    }

    [Fact]
    public async Task GenerateAsync_Statements_AgreeWithObjectMetadata()
    {
        var samples = await GeneratorTestKit.CollectAsync(new SceneGenerator(GeneratorTestKit.T1), 3, 240, _dir.Path);

        foreach (var sample in samples)
        {
            var objects = ParseObjects(sample.Metadata["objects"]);
            var statement = sample.Metadata["statement"];
            var truth = Evaluate(statement, objects);
            Assert.True(truth == (sample.Target.Expected == "yes"), $"'{statement}' over [{sample.Metadata["objects"]}] is {truth}, labelled {sample.Target.Expected}");
            Assert.Equal(statement + SceneGenerator.PromptSuffix, sample.Prompt);
            Assert.Equal(sample.Target.Expected == "yes" ? "Yes." : "No.", sample.Target.Reference);
        }

        Assert.Equal(5, samples.Select(s => s.Metadata["kind"]).Distinct().Count());
        Assert.Equal(samples.Count, samples.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public async Task GenerateAsync_EverySubset_BalancedYesNo()
    {
        var samples = await GeneratorTestKit.CollectAsync(new SceneGenerator(GeneratorTestKit.T1), 8, 60, _dir.Path);

        foreach (var subset in new[] { "object", "attribute", "scene" })
        {
            var inSubset = samples.Where(s => s.Subset == subset).ToList();
            Assert.Equal(20, inSubset.Count);
            Assert.Equal(10, inSubset.Count(s => s.Target.Expected == "yes"));
            Assert.Equal(10, inSubset.Count(s => s.Target.Expected == "no"));
        }
    }

    [Fact]
    public async Task GenerateAsync_RenderedImage_ShowsEachObjectInItsColourAtItsCentre()
    {
        var samples = await GeneratorTestKit.CollectAsync(new SceneGenerator(GeneratorTestKit.T1), 21, 9, _dir.Path);

        foreach (var sample in samples)
        {
            using var bitmap = SKBitmap.Decode(await StoredImages.ReadAsync(sample.Images[0]));
            Assert.Equal((Scene.Size, Scene.Size), (bitmap.Width, bitmap.Height));
            foreach (var o in ParseObjects(sample.Metadata["objects"]))
            {
                Assert.Equal(ScenePalette.ColourOf(o.Colour), bitmap.GetPixel(o.X, o.Y));
            }

            Assert.Equal(ScenePalette.ColourOf(sample.Metadata["background"]), bitmap.GetPixel(0, 0));
        }
    }

    private static List<SceneObject> ParseObjects(string text) => text.Split(';').Select(part =>
    {
        var words = part.Split(' ');
        var n = words.Length;
        var numbers = words[(n - 3)..].Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray();
        return new SceneObject(words[n - 4], string.Join(' ', words[..(n - 4)]), numbers[0], numbers[1], numbers[2]);
    }).ToList();

    // An independent reading of the statement grammar, so a generator bug cannot agree with itself.
    private static bool Evaluate(string statement, List<SceneObject> objects)
    {
        SceneObject Find(string colour, string shape) => objects.Single(o => o.Colour == colour && o.Shape == shape);
        Match m;
        if ((m = Existence().Match(statement)).Success)
        {
            return objects.Any(o => o.Colour == m.Groups[1].Value && o.Shape == m.Groups[2].Value);
        }

        if ((m = Count().Match(statement)).Success)
        {
            var shape = m.Groups[2].Value.TrimEnd('s');
            return objects.Count(o => o.Shape == shape) == int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        if ((m = Colour().Match(statement)).Success)
        {
            return objects.Single(o => o.Shape == m.Groups[1].Value).Colour == m.Groups[2].Value;
        }

        if ((m = Half().Match(statement)).Success)
        {
            var o = Find(m.Groups[1].Value, m.Groups[2].Value);
            return m.Groups[3].Value switch
            {
                "left" => o.X < Scene.Size / 2,
                "right" => o.X >= Scene.Size / 2,
                "top" => o.Y < Scene.Size / 2,
                _ => o.Y >= Scene.Size / 2,
            };
        }

        m = Relative().Match(statement);
        Assert.True(m.Success, $"unrecognised statement '{statement}'");
        var a = Find(m.Groups[1].Value, m.Groups[2].Value);
        var b = Find(m.Groups[4].Value, m.Groups[5].Value);
        return m.Groups[3].Value switch
        {
            "to the left of" => a.X < b.X - 48,
            "to the right of" => a.X > b.X + 48,
            "above" => a.Y < b.Y - 48,
            _ => a.Y > b.Y + 48,
        };
    }

    [GeneratedRegex(@"^There is an? (\w+) (\w+) in the image\.$")]
    private static partial Regex Existence();

    [GeneratedRegex(@"^There (?:is|are) exactly (\d) (\w+) in the image\.$")]
    private static partial Regex Count();

    [GeneratedRegex(@"^The (\w+) in the image is (\w+)\.$")]
    private static partial Regex Colour();

    [GeneratedRegex(@"^The (\w+) (\w+) is in the (left|right|top|bottom) half of the image\.$")]
    private static partial Regex Half();

    [GeneratedRegex(@"^The (\w+) (\w+) is (to the left of|to the right of|above|below) the (\w+) (\w+)\.$")]
    private static partial Regex Relative();
}
