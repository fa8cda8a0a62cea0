using MultiTrust.Sinks.Reports.DrillDown;

namespace MultiTrust.Sinks.Tests.Reports.DrillDown;

public sealed class ThumbnailMakerTests
{
    private readonly ThumbnailMaker _maker = new();

    [Theory]
    [InlineData(400, 100, 128, 32)]
    [InlineData(90, 300, 38, 128)]
    [InlineData(1000, 3, 128, 1)]
    [InlineData(129, 129, 128, 128)]
    public void Make_LargerThanMaxSide_DownscaledToFitWithAspectKept(int width, int height, int expectedWidth, int expectedHeight)
    {
        var thumbnail = _maker.Make(TestImages.GradientPng(width, height));

        Assert.NotNull(thumbnail);
        Assert.Equal((expectedWidth, expectedHeight), (thumbnail.Width, thumbnail.Height));
        var decoded = TestImages.Decode(thumbnail.Bytes);
        Assert.Equal((expectedWidth, expectedHeight), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void Make_SmallerThanMaxSide_KeptAtItsSize()
    {
        var thumbnail = _maker.Make(TestImages.GradientPng(40, 30));

        Assert.NotNull(thumbnail);
        Assert.Equal((40, 30), (thumbnail.Width, thumbnail.Height));
    }

    [Fact]
    public void Make_SameInputTwice_SameBytes()
    {
        var image = TestImages.NoisePng(300, 200, seed: 3);

        var first = _maker.Make(image);
        var second = new ThumbnailMaker().Make(image);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal(first.MediaType, second.MediaType);
        Assert.Equal(first.Bytes, second.Bytes);
    }

    [Fact]
    public void Make_NoisyPhotoLikeImage_JpegWithinTheCap()
    {
        var maker = new ThumbnailMaker(maxBytes: 6 * 1024);

        var thumbnail = maker.Make(TestImages.NoisePng(512, 512, seed: 1));

        Assert.NotNull(thumbnail);
        Assert.Equal("image/jpeg", thumbnail.MediaType);
        Assert.Equal([0xFF, 0xD8], thumbnail.Bytes[..2]);
        Assert.InRange(thumbnail.Bytes.Length, 1, 6 * 1024);
    }

    [Fact]
    public void Make_FlatImage_PngWhenSmallerThanJpeg()
    {
        var thumbnail = _maker.Make(TestImages.GradientPng(1, 1));

        Assert.NotNull(thumbnail);
        Assert.Equal("image/png", thumbnail.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], thumbnail.Bytes[..4]);
    }

    [Fact]
    public void Make_NothingFitsTheCap_Null()
    {
        var maker = new ThumbnailMaker(maxBytes: 256);

        Assert.Null(maker.Make(TestImages.NoisePng(256, 256, seed: 2)));
    }

    [Fact]
    public void Make_NotAnImage_InvalidDataException()
    {
        Assert.Throws<InvalidDataException>(() => _maker.Make("not an image at all"u8));
    }

    [Fact]
    public void Make_TruncatedPng_InvalidDataException()
    {
        var png = TestImages.NoisePng(64, 64, seed: 4);

        Assert.Throws<InvalidDataException>(() => _maker.Make(png.AsSpan(0, 60)));
    }
}
