using MultiTrust.Core.Imaging;
using MultiTrust.Stages.Perturbation.Images;

namespace MultiTrust.Stages.Tests.Perturbation.Images;

public sealed class RgbaImageTests
{
    [Fact]
    public void Decode_Png_RoundTripsThePixels()
    {
        var image = TestImages.Build();

        Assert.Equal(image, RgbaImage.Decode(ImageEncoder.EncodePng(image)));
    }

    [Fact]
    public void Decode_Jpeg_DecodesCloseToTheOriginal()
    {
        var image = SampleScene.Render(64, 48);

        var decoded = RgbaImage.Decode(ImageEncoder.EncodeJpeg(image, 95));

        // 4:2:0 chroma subsampling smears the scene's hard colour edges, which cover much of a 64x48 image.
        Assert.True(ImageMetrics.Psnr(image, decoded) > 25, $"PSNR {ImageMetrics.Psnr(image, decoded):F2} dB");
        Assert.Equal(image.Pixels[..4].ToArray(), decoded.Pixels[..4].ToArray(), (a, b) => Math.Abs(a - b) <= 8);
    }

    [Fact]
    public void Decode_RandomBytes_ThrowsInvalidDataExceptionWithLeadingBytes()
    {
        var error = Assert.Throws<InvalidDataException>(() => RgbaImage.Decode([1, 2, 3, 4, 5, 6, 7, 8, 9]));

        Assert.Contains("0102030405060708", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRgba_TranslucentPixel_IsCompositedOverWhite()
    {
        var image = RgbaImage.FromRgba(2, 1, [0, 0, 0, 0, 100, 50, 200, 128]);

        Assert.Equal(new byte[] { 255, 255, 255, 255, 177, 152, 227, 255 }, image.Pixels.ToArray());
    }

    [Fact]
    public void FromRgba_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => RgbaImage.FromRgba(2, 2, new byte[15]));
    }

    [Fact]
    public void Psnr_IdenticalImages_IsInfiniteAndSizeMismatchThrows()
    {
        var image = TestImages.Build();

        Assert.Equal(double.PositiveInfinity, ImageMetrics.Psnr(image, TestImages.Build()));
        Assert.Throws<ArgumentException>(() => ImageMetrics.Psnr(image, TestImages.Build(10, 10)));
    }
}
