using MultiTrust.Core.Imaging;
using MultiTrust.Sources.Randomness;
using SkiaSharp;

namespace MultiTrust.Sources.Tests.Imaging;

public sealed class PngEncoderTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(1, true)]
    [InlineData(3, false)]
    [InlineData(3, true)]
    public void Encode_AnyPixels_DecodesToTheSamePixels(int channels, bool noisy)
    {
        const int width = 67;
        const int height = 41;
        var pixels = new byte[width * height * channels];
        var rng = new SeededRandom(7);
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = noisy ? (byte)rng.NextInt(256) : (byte)((i / channels / 13 % 3) * 100);
        }

        var png = PngEncoder.Encode(pixels, width, height, channels);

        using var decoded = SKBitmap.Decode(png);
        Assert.NotNull(decoded);
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = decoded.GetPixel(x, y);
                var at = ((y * width) + x) * channels;
                var expected = channels == 1
                    ? new SKColor(pixels[at], pixels[at], pixels[at])
                    : new SKColor(pixels[at], pixels[at + 1], pixels[at + 2]);
                Assert.Equal(expected, p);
            }
        }
    }

    [Fact]
    public void Encode_FlatImage_CompressesWell()
    {
        var pixels = Enumerable.Repeat((byte)255, 512 * 512).ToArray();

        var png = PngEncoder.Encode(pixels, 512, 512, 1);

        Assert.True(png.Length < 8_000, $"flat 512x512 PNG took {png.Length} bytes");
    }

    [Fact]
    public void Encode_WrongBufferSize_Throws()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(new byte[10], 4, 4, 1));
    }
}
