using System.Runtime.InteropServices;
using SkiaSharp;

namespace MultiTrust.Core.Imaging;

/// <summary>
/// An immutable, opaque RGBA8888 image: <see cref="Width"/> × <see cref="Height"/> pixels, 4 bytes each in R, G, B, A
/// order, rows tightly packed, not premultiplied, alpha always 255 (translucent input is composited over white).
/// </summary>
public sealed class RgbaImage : IEquatable<RgbaImage>
{
    private const int MaxPixels = 1 << 28;
    private readonly byte[] _pixels;

    // Takes ownership of an opaque RGBA buffer: callers inside this folder never write to it afterwards.
    internal RgbaImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if ((long)width * height > MaxPixels)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"{width}x{height} exceeds the {MaxPixels}-pixel limit.");
        }

        if (pixels.Length != width * height * 4)
        {
            throw new ArgumentException($"Expected {width * height * 4} RGBA bytes for {width}x{height}, got {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The RGBA bytes, row by row.</summary>
    public ReadOnlySpan<byte> Pixels => _pixels;

    internal byte[] Buffer => _pixels;

    /// <summary>Copies RGBA8888 (unpremultiplied) pixels; translucent pixels are composited over white.</summary>
    public static RgbaImage FromRgba(int width, int height, ReadOnlySpan<byte> rgba)
    {
        var pixels = rgba.ToArray();
        var image = new RgbaImage(width, height, pixels);
        FlattenOverWhite(pixels);
        return image;
    }

    /// <summary>Decodes PNG, JPEG, WebP, GIF (first frame) or BMP bytes with SkiaSharp, without colour conversion.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a complete image in a supported format.</exception>
    public static RgbaImage Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            throw new InvalidDataException("Cannot decode an image from 0 bytes.");
        }

        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException(
            $"The {encoded.Length} bytes are not an image in a supported format (PNG, JPEG, WebP, GIF, BMP); " +
            $"they start with {Convert.ToHexString(encoded[..Math.Min(8, encoded.Length)])}.");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels)
        {
            throw new InvalidDataException($"The image declares an unsupported size {width}x{height} (limit {MaxPixels} pixels).");
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var pixels = new byte[width * height * 4];
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        SKCodecResult result;
        try
        {
            result = codec.GetPixels(info, handle.AddrOfPinnedObject());
        }
        finally
        {
            handle.Free();
        }

        if (result != SKCodecResult.Success)
        {
            throw new InvalidDataException($"The {codec.EncodedFormat} image ({width}x{height}, {encoded.Length} bytes) could not be decoded: {result}.");
        }

        FlattenOverWhite(pixels);
        return new RgbaImage(width, height, pixels);
    }

    public bool Equals(RgbaImage? other) =>
        other is not null && Width == other.Width && Height == other.Height && _pixels.AsSpan().SequenceEqual(other._pixels);

    public override bool Equals(object? obj) => Equals(obj as RgbaImage);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Width);
        hash.Add(Height);
        hash.AddBytes(_pixels);
        return hash.ToHashCode();
    }

    private static void FlattenOverWhite(byte[] pixels)
    {
        for (var i = 0; i < pixels.Length; i += 4)
        {
            int a = pixels[i + 3];
            if (a == 255)
            {
                continue;
            }

            var white = 255 * (255 - a);
            pixels[i] = (byte)(((pixels[i] * a) + white + 127) / 255);
            pixels[i + 1] = (byte)(((pixels[i + 1] * a) + white + 127) / 255);
            pixels[i + 2] = (byte)(((pixels[i + 2] * a) + white + 127) / 255);
            pixels[i + 3] = 255;
        }
    }
}
