using MultiTrust.Core.Imaging;
using MultiTrust.Sources.Official;

namespace MultiTrust.Sources.Tests.Official;

public sealed class ImageHeaderTests
{
    private static byte[] Png(int width, int height) => PngEncoder.Encode(new byte[width * height * 3], width, height, 3);

    [Fact]
    public void TryRead_Png_MediaTypeAndSize()
    {
        Assert.True(ImageHeader.TryRead(Png(7, 5), out var media, out var width, out var height, out _));

        Assert.Equal(("image/png", 7, 5), (media, width, height));
    }

    [Fact]
    public void TryRead_TruncatedPng_Rejected()
    {
        var png = Png(7, 5);

        Assert.False(ImageHeader.TryRead(png.AsSpan(0, png.Length - 20), out _, out _, out _, out var problem));
        Assert.Contains("truncated", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_MinimalJpeg_ReadsFrameSize_TruncatedRejected()
    {
        byte[] jpeg =
        [
            0xFF, 0xD8, // SOI
            0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, // APP0, 2 bytes of payload
            0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x01, 0x2C, 0x02, 0x58, 0x01, 0x01, 0x11, 0x00, // SOF0: 300 × 600
            0xFF, 0xD9, // EOI
        ];

        Assert.True(ImageHeader.TryRead(jpeg, out var media, out var width, out var height, out _));
        Assert.Equal(("image/jpeg", 600, 300), (media, width, height));
        Assert.False(ImageHeader.TryRead(jpeg.AsSpan(0, jpeg.Length - 2), out _, out _, out _, out var problem));
        Assert.Contains("truncated", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0], "empty")]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, "not a PNG")]
    public void TryRead_NotAnImage_Rejected(byte[] bytes, string expected)
    {
        Assert.False(ImageHeader.TryRead(bytes, out _, out _, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
