using MultiTrust.Core.Imaging;
using MultiTrust.Sources.Official;

namespace MultiTrust.Sources.Tests.Official;

public sealed class ImageHeaderTests
{
    [Fact]
    public void TryRead_EncodedPng_ReadsTypeAndSize()
    {
        var png = PngEncoder.Encode(new byte[12 * 10 * 3], 12, 10, 3);

        Assert.True(ImageHeader.TryRead(png, out var mediaType, out var width, out var height, out var problem), problem);
        Assert.Equal(("image/png", 12, 10), (mediaType, width, height));
    }

    [Fact]
    public void TryRead_TruncatedPng_ReportsTheMissingEnd()
    {
        var png = PngEncoder.Encode(new byte[8 * 6 * 3], 8, 6, 3);

        Assert.False(ImageHeader.TryRead(png.AsSpan(0, png.Length - 12), out _, out _, out _, out var problem));
        Assert.Contains("truncated", problem, StringComparison.Ordinal);
    }
}
