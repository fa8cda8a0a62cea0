using System.Buffers.Binary;
using System.IO.Compression;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Imaging;
using MultiTrust.Core.Randomness;
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
    [InlineData(1, false, PngCompression.Runs)]
    [InlineData(1, true, PngCompression.Runs)]
    [InlineData(3, false, PngCompression.Runs)]
    [InlineData(3, true, PngCompression.Runs)]
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
    [InlineData(PngCompression.Runs)]
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

    [Theory]
    [InlineData(PngCompression.Default)]
    [InlineData(PngCompression.Fast)]
    [InlineData(PngCompression.Runs)]
    public void EncodeIndexed_AnyIndexes_DecodesToThePaletteColours(PngCompression compression)
    {
        const int width = 67;
        const int height = 41;
        byte[] palette = [250, 243, 222, 220, 30, 30, 30, 70, 220];
        var indexes = Stripes(width, height, 1).Select(v => (byte)(v / 100)).ToArray();
        var rgb = indexes.SelectMany(i => palette.Skip(3 * i).Take(3)).ToArray();

        var png = PngEncoder.EncodeIndexed(indexes, width, height, palette, compression);

        AssertDecodesTo(png, rgb, width, height, 3);
        Assert.Equal(png, PngEncoder.EncodeIndexed(indexes, width, height, palette, compression));
    }

    // Runs finds the previous-pixel and pixel-above matches that make flat images small.
    [Fact]
    public void EncodeIndexed_FlatShapesWithRuns_StaysSmall()
    {
        const int size = 384;
        var indexes = new byte[size * size];
        for (var y = 100; y < 200; y++)
        {
            indexes.AsSpan((y * size) + 50, 120).Fill(3);
        }

        var png = PngEncoder.EncodeIndexed(indexes, size, size, new byte[3 * 7], PngCompression.Runs);

        Assert.True(png.Length < 2_500, $"flat 384x384 palette PNG took {png.Length} bytes");
    }

    // Fixed literal: palette PNGs with Runs are as machine-independent as the other modes.
    [Fact]
    public void EncodeIndexed_Runs_MatchesGoldenHash()
    {
        var indexes = Stripes(96, 80, 1).Select(v => (byte)(v / 100)).ToArray();

        var png = PngEncoder.EncodeIndexed(indexes, 96, 80, [0, 0, 0, 128, 128, 128, 255, 255, 255], PngCompression.Runs);

        Assert.Equal("8485e0b147dae2e08c878b6728007a0ddee75cf42a2da01da854355630f80e5f", ContentHasher.Sha256Hex(png));
    }

    [Fact]
    public void EncodeIndexed_IndexOutsidePalette_ThrowsNamingThePixel()
    {
        var indexes = new byte[16];
        indexes[5] = 2;

        var error = Assert.Throws<ArgumentException>(() => PngEncoder.EncodeIndexed(indexes, 4, 4, [1, 2, 3, 4, 5, 6]));

        Assert.Contains("1,1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EncodeIndexed_PaletteNotRgbTriples_Throws()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.EncodeIndexed(new byte[16], 4, 4, [1, 2]));
        Assert.Throws<ArgumentException>(() => PngEncoder.EncodeIndexed(new byte[16], 4, 4, []));
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
