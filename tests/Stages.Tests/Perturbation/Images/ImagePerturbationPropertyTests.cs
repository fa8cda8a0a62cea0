using MultiTrust.Stages.Perturbation.Images;

namespace MultiTrust.Stages.Tests.Perturbation.Images;

public sealed class ImagePerturbationPropertyTests
{
    private static readonly string[] s_randomised =
        ["gaussian-noise", "salt-and-pepper", "motion-blur", "rotation", "occlusion", "random-sign-noise"];

    public static TheoryData<string> AllNames => [.. ImagePerturbationCatalog.Names];

    public static TheoryData<string> RandomisedNames => [.. s_randomised];

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Apply_SameInputSeverityAndSeed_ReturnsEqualImages(string name)
    {
        var perturbation = TestImages.Get(name);

        var first = perturbation.Apply(TestImages.Build(), 3, 7);
        var second = perturbation.Apply(TestImages.Build(), 3, 7);

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(RandomisedNames))]
    public void Apply_DifferentSeeds_ReturnDifferentImages(string name)
    {
        var perturbation = TestImages.Get(name);
        var image = TestImages.Build();

        // Rotation draws only a direction, so some pair among a few seeds must differ rather than every pair.
        var outputs = Enumerable.Range(1, 4).Select(seed => perturbation.Apply(image, 3, (ulong)seed)).ToList();

        Assert.Contains(outputs.Skip(1), other => !other.Equals(outputs[0]));
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Apply_AnySeverity_PreservesSizeAndOpacityAndInput(string name)
    {
        var perturbation = TestImages.Get(name);
        var image = TestImages.Build(61, 37);
        var before = image.Pixels.ToArray();

        for (var severity = 1; severity <= 5; severity++)
        {
            var output = perturbation.Apply(image, severity, 11);

            Assert.Equal((61, 37), (output.Width, output.Height));
            Assert.All(Enumerable.Range(0, 61 * 37), i => Assert.Equal(255, output.Pixels[(i * 4) + 3]));
        }

        Assert.Equal(before, image.Pixels.ToArray());
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Apply_HigherSeverity_LowersPsnrOnTheTestImage(string name)
    {
        var perturbation = TestImages.Get(name);
        var image = TestImages.Build();

        var psnr = Enumerable.Range(1, 5).Select(s => ImageMetrics.Psnr(image, perturbation.Apply(image, s, 42))).ToList();

        Assert.All(Enumerable.Range(1, 4), i => Assert.True(psnr[i] < psnr[i - 1], $"{name}: PSNR by severity {string.Join(", ", psnr.Select(p => p.ToString("F2")))}"));
        Assert.True(psnr[0] < 45, $"{name} severity 1 barely changes the image (PSNR {psnr[0]:F2} dB).");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void ParametersAndApply_SeverityOutOfRange_ThrowNamingThePerturbation(int severity)
    {
        foreach (var perturbation in ImagePerturbationCatalog.All)
        {
            var fromParameters = Assert.Throws<ArgumentOutOfRangeException>(() => perturbation.Parameters(severity));
            var fromApply = Assert.Throws<ArgumentOutOfRangeException>(() => perturbation.Apply(TestImages.Build(8, 8), severity, 1));

            Assert.Contains($"'{perturbation.Name}'", fromParameters.Message, StringComparison.Ordinal);
            Assert.Contains($"'{perturbation.Name}'", fromApply.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Parameters_EverySeverity_HasTheSameNonEmptyKeys(string name)
    {
        var perturbation = TestImages.Get(name);

        var keys = perturbation.Parameters(1).Keys.Order().ToList();

        Assert.NotEmpty(keys);
        Assert.All(Enumerable.Range(2, 4), s => Assert.Equal(keys, perturbation.Parameters(s).Keys.Order().ToList()));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(5, 16)]
    public void RandomSignNoise_AnyPixel_MovesByExactlyEpsilonUnlessClamped(int severity, int epsilon)
    {
        var image = TestImages.Build();

        var output = TestImages.Get("random-sign-noise").Apply(image, severity, 3);

        for (var i = 0; i < image.Pixels.Length; i++)
        {
            if (i % 4 == 3)
            {
                continue;
            }

            var (before, after) = (image.Pixels[i], output.Pixels[i]);
            var expected = new[] { Math.Clamp(before - epsilon, 0, 255), Math.Clamp(before + epsilon, 0, 255) };
            Assert.Contains((int)after, expected);
        }
    }

    [Fact]
    public void Catalog_Names_AreTheDocumentedKebabCaseNamesInOrder()
    {
        string[] expected =
        [
            "gaussian-noise", "salt-and-pepper", "gaussian-blur", "motion-blur", "jpeg", "brightness", "contrast",
            "saturation", "downscale-upscale", "rotation", "occlusion", "grayscale", "pixelation", "random-sign-noise",
        ];

        Assert.Equal(expected, ImagePerturbationCatalog.Names);
        Assert.True(ImagePerturbationCatalog.TryGet("jpeg", out var jpeg));
        Assert.Equal("jpeg", jpeg.Name);
        Assert.False(ImagePerturbationCatalog.TryGet("Gaussian-Noise", out _));
    }

    [Fact]
    public void NeedsLossless_OnlyForPixelNoise()
    {
        var lossless = ImagePerturbationCatalog.All.Where(p => p.NeedsLossless).Select(p => p.Name).Order();

        Assert.Equal(["gaussian-noise", "random-sign-noise", "salt-and-pepper"], lossless);
    }
}
