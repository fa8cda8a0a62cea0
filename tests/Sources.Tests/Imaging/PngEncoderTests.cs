using System.Buffers.Binary;
using System.IO.Compression;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Imaging;
using MultiTrust.Sources.Randomness;
using SkiaSharp;

namespace MultiTrust.Sources.Tests.Imaging;

public sealed class PngEncoderTests
{
    [Theory]
    [InlineData(1, false, PngCompression.Default)]
    [InlineData(1, true, PngCompression.Default)]
    [InlineData(3, false, PngCompression.Default)]
    [InlineData(3, true, PngCompression.Default)]
    [InlineData(1, false, PngCompression.Fast)]
    [InlineData(1, true, PngCompression.Fast)]
    [InlineData(3, false, PngCompression.Fast)]
    [InlineData(3, true, PngCompression.Fast)]
    public void Encode_AnyPixels_DecodesToTheSamePixels(int channels, bool noisy, PngCompression compression)
    {
        const int width = 67;
        const int height = 41;
        var pixels = noisy ? Noise(width * height * channels, 7) : Stripes(width, height, channels);

        var png = PngEncoder.Encode(pixels, width, height, channels, compression);

        AssertDecodesTo(png, pixels, width, height, channels);
    }

    [Theory]
    [InlineData(PngCompression.Default)]
    [InlineData(PngCompression.Fast)]
    public void Encode_SamePixelsTwice_IdenticalBytes(PngCompression compression)
    {
        var pixels = HalfFlatHalfNoise(96, 80);

        Assert.Equal(PngEncoder.Encode(pixels, 96, 80, 3, compression), PngEncoder.Encode(pixels, 96, 80, 3, compression));
    }

    // Default is the original encoder's output byte for byte (hashes of rendered typography and scenes depend on it).
    [Fact]
    public void Encode_DefaultCompression_MatchesGoldenHash()
    {
        var png = PngEncoder.Encode(HalfFlatHalfNoise(96, 80), 96, 80, 3);

        Assert.Equal("89396f7782ca2c87eee38dd2e4dcfc601049b6a76d4802edd56aea10d2037610", ContentHasher.Sha256Hex(png));
    }

    // 300 x 200 RGB noise is 180 KB of scanlines: many stored blocks, several past the 64 KB mark.
    [Fact]
    public void Encode_LargeNoiseFast_StoredBlocksRoundTrip()
    {
        const int width = 300;
        const int height = 200;
        var pixels = Noise(width * height * 3, 3);

        var png = PngEncoder.Encode(pixels, width, height, 3, PngCompression.Fast);

        AssertDecodesTo(png, pixels, width, height, 3);
        Assert.Equal(Scanlines(pixels, width * 3, height), Inflate(png));
        Assert.InRange(png.Length, pixels.Length, pixels.Length + (pixels.Length / 100)); // stored, not Huffman-coded
    }

    [Fact]
    public void Encode_Noise512Fast_OutputCloseToRawSize()
    {
        var pixels = Noise(512 * 512 * 3, 11);

        var fast = PngEncoder.Encode(pixels, 512, 512, 3, PngCompression.Fast);
        var standard = PngEncoder.Encode(pixels, 512, 512, 3);

        Assert.InRange(fast.Length, pixels.Length, pixels.Length + (pixels.Length / 500));
        Assert.True(standard.Length > pixels.Length * 1.03, $"Default noise PNG unexpectedly small: {standard.Length} bytes");
        Assert.Equal(Inflate(standard), Inflate(fast));
    }

    [Fact]
    public void Encode_HalfFlatHalfNoiseFast_CompressesFlatBlocksAndStoresNoisyOnes()
    {
        const int width = 256;
        const int height = 256;
        var pixels = HalfFlatHalfNoise(width, height);

        var png = PngEncoder.Encode(pixels, width, height, 3, PngCompression.Fast);

        AssertDecodesTo(png, pixels, width, height, 3);
        Assert.InRange(png.Length, pixels.Length / 2, (pixels.Length / 2) + (pixels.Length / 50));
    }

    [Fact]
    public void Encode_FlatImage_CompressesWellInBothModes()
    {
        var pixels = Enumerable.Repeat((byte)255, 512 * 512).ToArray();

        var standard = PngEncoder.Encode(pixels, 512, 512, 1);
        var fast = PngEncoder.Encode(pixels, 512, 512, 1, PngCompression.Fast);

        Assert.True(standard.Length < 8_000, $"flat 512x512 PNG took {standard.Length} bytes");
        Assert.True(fast.Length < 8_000, $"flat 512x512 fast PNG took {fast.Length} bytes");
    }

    [Fact]
    public void Encode_WrongBufferSize_Throws()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(new byte[10], 4, 4, 1));
    }

    [Fact]
    public void Encode_UnknownCompression_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PngEncoder.Encode(new byte[16], 4, 4, 1, (PngCompression)7));

        Assert.Equal("compression", error.ParamName);
    }

    private static byte[] Noise(int length, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var pixels = new byte[length];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)rng.NextInt(256);
        }

        return pixels;
    }

    private static byte[] Stripes(int width, int height, int channels)
    {
        var pixels = new byte[width * height * channels];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i / channels / 13 % 3 * 100);
        }

        return pixels;
    }

    private static byte[] HalfFlatHalfNoise(int width, int height)
    {
        var pixels = Noise(width * height * 3, 5);
        Array.Fill(pixels, (byte)200, 0, width * (height / 2) * 3);
        return pixels;
    }

    private static void AssertDecodesTo(byte[] png, byte[] pixels, int width, int height, int channels)
    {
        using var decoded = SKBitmap.Decode(png, new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        Assert.NotNull(decoded);
        var rgba = decoded.GetPixelSpan();
        for (var i = 0; i < width * height; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                var expected = pixels[(i * channels) + (channels == 1 ? 0 : c)];
                if (rgba[(i * 4) + c] != expected)
                {
                    Assert.Fail($"pixel {i % width},{i / width} channel {c}: expected {expected}, decoded {rgba[(i * 4) + c]}");
                }
            }
        }
    }

    private static byte[] Scanlines(byte[] pixels, int stride, int height)
    {
        var raw = new byte[(stride + 1) * height];
        for (var y = 0; y < height; y++)
        {
            pixels.AsSpan(y * stride, stride).CopyTo(raw.AsSpan((y * (stride + 1)) + 1));
        }

        return raw;
    }

    // The zlib stream of the (single) IDAT chunk, inflated by the runtime's zlib.
    private static byte[] Inflate(byte[] png)
    {
        var offset = 8;
        while (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset + 4)) != 0x49444154) // "IDAT"
        {
            offset += 12 + BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
        using var inflater = new ZLibStream(new MemoryStream(png, offset + 8, length), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        return raw.ToArray();
    }
}
