using MultiTrust.Core.Hashing;
using MultiTrust.Core.Imaging;
using MultiTrust.Stages.Perturbation.Unrelated;

namespace MultiTrust.Stages.Tests.Perturbation.Unrelated;

public sealed class UnrelatedImagesTests
{
    public static TheoryData<string> Kinds => [.. UnrelatedImages.Kinds];

    // Byte-identical generation: a change here changes every unrelated-image variant id (a dataset version change).
    [Theory]
    [InlineData("color", "50e9507b6750167f0515fb364d8e348eb39235ecf1e2d83664b2c7f5a63e1a16")]
    [InlineData("nature", "ed6423ba1c08b56d674c625d57402945e1ce0a0c3e4f726b279f17f1813dc1f3")]
    [InlineData("noise", "5f49987db839fda827184d39402bd9cf751240287c30ac33f3d764a8aa6bd4cd")]
    public void Create_FixedSeed_MatchesGoldenHash(string kind, string sha256)
    {
        Assert.Equal(sha256, ContentHasher.Sha256Hex(UnrelatedImages.Create(kind, 64, 48, 7).Png));
    }

    // Unrelated images are written with PngCompression.Fast, which stores the noise image's blocks (golden above); the
    // same pixels re-encoded with PngCompression.Default give these bytes.
    [Theory]
    [InlineData("color", "50e9507b6750167f0515fb364d8e348eb39235ecf1e2d83664b2c7f5a63e1a16")]
    [InlineData("nature", "ed6423ba1c08b56d674c625d57402945e1ce0a0c3e4f726b279f17f1813dc1f3")]
    [InlineData("noise", "cceca749da22b098a5545aec3dc1c2cc613738291171cd0339378487896a9d09")]
    public void Create_FixedSeed_PixelsMatchThePreFastEncoding(string kind, string defaultEncodingSha256)
    {
        var rgb = PngPixels.DecodeRgb(UnrelatedImages.Create(kind, 64, 48, 7).Png, out var width, out var height);

        Assert.Equal(defaultEncodingSha256, ContentHasher.Sha256Hex(PngEncoder.Encode(rgb, width, height, 3, PngCompression.Default)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Create_SameSeed_IdenticalBytes(string kind)
    {
        Assert.Equal(UnrelatedImages.Create(kind, 40, 30, 11).Png, UnrelatedImages.Create(kind, 40, 30, 11).Png);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Create_DifferentSeeds_DifferentBytes(string kind)
    {
        Assert.NotEqual(UnrelatedImages.Create(kind, 40, 30, 11).Png, UnrelatedImages.Create(kind, 40, 30, 12).Png);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Create_Kind_ValidPngOfRequestedSizeAndKind(string kind)
    {
        var image = UnrelatedImages.Create(kind.ToUpperInvariant(), 33, 17, 5);

        PngPixels.DecodeRgb(image.Png, out var width, out var height);
        Assert.Equal((33, 17, kind, "image/png"), (width, height, image.Kind, image.MediaType));
        Assert.Equal((33, 17), (image.Width, image.Height));
    }

    [Fact]
    public void Create_UnknownKind_ThrowsListingValidKinds()
    {
        var error = Assert.Throws<ArgumentException>(() => UnrelatedImages.Create("sunset", 8, 8, 1));

        Assert.Equal("kind", error.ParamName);
        Assert.Contains("'sunset'", error.Message, StringComparison.Ordinal);
        Assert.Contains("color, nature, noise", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 8, "width")]
    [InlineData(8, -1, "height")]
    [InlineData(UnrelatedImages.MaxSide + 1, 8, "width")]
    public void Create_BadSize_ThrowsNamingIt(int width, int height, string parameter)
    {
        foreach (var kind in UnrelatedImages.Kinds)
        {
            Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => UnrelatedImages.Create(kind, width, height, 1)).ParamName);
        }
    }

    [Fact]
    public void Color_AnySeed_EveryPixelTheSameColour()
    {
        for (ulong seed = 0; seed < 5; seed++)
        {
            var rgb = PngPixels.DecodeRgb(UnrelatedImages.Color(20, 10, seed).Png, out _, out _);

            Assert.Single(Pixels(rgb).Distinct());
        }
    }

    [Fact]
    public void Color_ManySeeds_ManyColours()
    {
        var colours = Enumerable.Range(0, 20).Select(seed => Pixels(PngPixels.DecodeRgb(UnrelatedImages.Color(1, 1, (ulong)seed).Png, out _, out _)).Single());

        Assert.Equal(20, colours.Distinct().Count());
    }

    [Fact]
    public void Noise_LargeImage_ChannelHistogramsRoughlyUniform()
    {
        var rgb = PngPixels.DecodeRgb(UnrelatedImages.Noise(128, 128, 3).Png, out _, out _);

        for (var channel = 0; channel < 3; channel++)
        {
            var counts = new int[256];
            for (var i = channel; i < rgb.Length; i += 3)
            {
                counts[rgb[i]]++;
            }

            // Chi-square with 255 degrees of freedom: 330 is about the 0.1% tail.
            var expected = rgb.Length / 3 / 256.0;
            var chiSquare = counts.Sum(count => (count - expected) * (count - expected) / expected);
            Assert.True(chiSquare < 330, $"channel {channel}: chi-square {chiSquare:F1}");
        }
    }

    [Fact]
    public void Nature_Image_ManyColoursSkyAboveGround()
    {
        var rgb = PngPixels.DecodeRgb(UnrelatedImages.Nature(96, 64, 21).Png, out var width, out var height);
        var pixels = Pixels(rgb).ToArray();

        Assert.True(pixels.Distinct().Count() > 200);
        var top = pixels.Take(width * (height / 5)).ToArray();
        var bottom = pixels.Skip(width * (height - (height / 5))).ToArray();
        Assert.True(top.Average(p => p.B - p.G) > 30, "the top rows should be sky blue");
        Assert.True(bottom.Average(p => p.G - p.B) > 20, "the bottom rows should be green or brown ground");
    }

    private static IEnumerable<(int R, int G, int B)> Pixels(byte[] rgb)
    {
        for (var i = 0; i < rgb.Length; i += 3)
        {
            yield return (rgb[i], rgb[i + 1], rgb[i + 2]);
        }
    }
}
