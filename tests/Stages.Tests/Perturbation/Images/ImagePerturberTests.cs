using MultiTrust.Core.Imaging;
using MultiTrust.Core.Randomness;
using MultiTrust.Stages.Perturbation.Images;

namespace MultiTrust.Stages.Tests.Perturbation.Images;

public sealed class ImagePerturberTests
{
    private readonly ImagePerturber _perturber = new();

    private static List<(IImagePerturbation, int)> Chain(params (string Name, int Severity)[] steps) =>
        [.. steps.Select(s => (TestImages.Get(s.Name), s.Severity))];

    [Fact]
    public void Apply_NoiseStep_EncodesLosslessPngWithExactPixels()
    {
        var input = TestImages.BuildPng();

        var result = _perturber.Apply(input, Chain(("gaussian-noise", 2)), 5);

        Assert.Equal(("png", "image/png", 64, 48), (result.Encoding, result.MediaType, result.Width, result.Height));
        var expected = TestImages.Get("gaussian-noise").Apply(RgbaImage.Decode(input), 2, SeedDerivation.ForStep(5, 0, "gaussian-noise"));
        Assert.Equal(expected, RgbaImage.Decode(result.Bytes));
    }

    [Fact]
    public void Apply_BlurOnly_EncodesJpegAtQuality95()
    {
        var result = _perturber.Apply(TestImages.BuildPng(), Chain(("gaussian-blur", 3)), 5);

        Assert.Equal(("jpeg-q95", "image/jpeg"), (result.Encoding, result.MediaType));
        var decoded = RgbaImage.Decode(result.Bytes);
        Assert.Equal((64, 48), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void Apply_LastStepJpeg_ReturnsThatStepsJpegBytes()
    {
        var input = TestImages.BuildPng();

        var result = _perturber.Apply(input, Chain(("random-sign-noise", 5), ("jpeg", 4)), 9);

        Assert.Equal(("jpeg-q10", "image/jpeg"), (result.Encoding, result.MediaType));
        var noisy = TestImages.Get("random-sign-noise").Apply(RgbaImage.Decode(input), 5, SeedDerivation.ForStep(9, 0, "random-sign-noise"));
        Assert.Equal(ImageEncoder.EncodeJpeg(noisy, 10), result.Bytes);
    }

    [Fact]
    public void Apply_JpegNotLast_DecodedPixelsGoOnAndBlurChainIsJpeg95()
    {
        var result = _perturber.Apply(TestImages.BuildPng(), Chain(("jpeg", 5), ("brightness", 1)), 9);

        Assert.Equal("jpeg-q95", result.Encoding);
        Assert.Equal((64, 48), (RgbaImage.Decode(result.Bytes).Width, RgbaImage.Decode(result.Bytes).Height));
    }

    [Fact]
    public void Apply_SameArguments_ReturnsIdenticalBytes()
    {
        var chain = Chain(("motion-blur", 2), ("salt-and-pepper", 3));

        var first = _perturber.Apply(TestImages.BuildPng(), chain, 77);
        var second = _perturber.Apply(TestImages.BuildPng(), chain, 77);

        Assert.Equal(first.Bytes, second.Bytes);
        Assert.NotEqual(first.Bytes, _perturber.Apply(TestImages.BuildPng(), chain, 78).Bytes);
    }

    [Fact]
    public void Apply_CorruptBytes_ThrowsInvalidDataException()
    {
        var truncated = TestImages.BuildPng()[..40];

        var corrupt = Assert.Throws<InvalidDataException>(() => _perturber.Apply("not an image"u8, Chain(("grayscale", 1)), 1));
        Assert.Throws<InvalidDataException>(() => _perturber.Apply(truncated, Chain(("grayscale", 1)), 1));
        Assert.Throws<InvalidDataException>(() => _perturber.Apply([], Chain(("grayscale", 1)), 1));

        Assert.Contains("not an image in a supported format", corrupt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_BadSeverityOrEmptyChain_ThrowsBeforeDecoding()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _perturber.Apply("garbage"u8, Chain(("rotation", 9)), 1));

        Assert.Contains("'rotation'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => _perturber.Apply(TestImages.BuildPng(), Chain(), 1));
    }

    [Fact]
    public void EncodePng_GreyImage_UsesOneChannelAndRoundTrips()
    {
        var grey = TestImages.Get("grayscale").Apply(TestImages.Build(), 5, 1);

        var png = ImageEncoder.EncodePng(grey);

        Assert.Equal(0, png[25]); // IHDR colour type 0 = greyscale
        Assert.Equal(grey, RgbaImage.Decode(png));
    }
}
