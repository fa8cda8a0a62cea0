using MultiTrust.Core.Imaging;
using SkiaSharp;

namespace MultiTrust.Sinks.Reports.DrillDown;

/// <summary>
/// Makes the drill-down's thumbnails: decodes an image (translucency flattened over white), downscales it with
/// SkiaSharp to fit a <see cref="MaxSide"/>-pixel square (aspect kept, never enlarged) and encodes it as JPEG or PNG,
/// whichever is smaller, lowering the JPEG quality step by step until it fits <see cref="MaxBytes"/>. Every encoder
/// option is pinned, so the same input gives the same bytes. Stateless and thread-safe.
/// </summary>
public sealed class ThumbnailMaker
{
    /// <summary>Default long side of a thumbnail, in pixels.</summary>
    public const int DefaultMaxSide = 128;

    /// <summary>Default cap of one encoded thumbnail, in bytes (before base64).</summary>
    public const int DefaultMaxBytes = 6 * 1024;

    // Tried in order; the first JPEG that fits the cap (or the PNG, when smaller) wins.
    private static readonly int[] s_jpegQualities = [80, 65, 50, 35];

    private static readonly SKSamplingOptions s_sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <param name="maxSide">Long side in pixels (≥ 8).</param>
    /// <param name="maxBytes">Cap of one encoded thumbnail in bytes (≥ 256).</param>
    public ThumbnailMaker(int maxSide = DefaultMaxSide, int maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 256);
        MaxSide = maxSide;
        MaxBytes = maxBytes;
    }

    public int MaxSide { get; }

    public int MaxBytes { get; }

    /// <summary>The thumbnail of an encoded image, or null when even its smallest encoding is over <see cref="MaxBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an image SkiaSharp can decode.</exception>
    public EncodedThumbnail? Make(ReadOnlySpan<byte> encoded)
    {
        var image = RgbaImage.Decode(encoded);
        var (width, height) = Fit(image.Width, image.Height, MaxSide);
        var small = width == image.Width && height == image.Height ? image : Downscale(image, width, height);

        var png = ImageEncoder.EncodePng(small, PngCompression.Default);
        foreach (var quality in s_jpegQualities)
        {
            var jpeg = ImageEncoder.EncodeJpeg(small, quality);
            if (png.Length <= jpeg.Length && png.Length <= MaxBytes)
            {
                return new EncodedThumbnail("image/png", png, width, height);
            }

            if (jpeg.Length <= MaxBytes)
            {
                return new EncodedThumbnail("image/jpeg", jpeg, width, height);
            }
        }

        return null;
    }

    /// <summary>The size that fits a <paramref name="maxSide"/> square with the aspect kept (each side ≥ 1; never larger).</summary>
    public static (int Width, int Height) Fit(int width, int height, int maxSide)
    {
        var longSide = Math.Max(width, height);
        if (longSide <= maxSide)
        {
            return (width, height);
        }

        static int Scaled(int side, int longSide, int maxSide) => (int)Math.Max(1, ((2L * side * maxSide) + longSide) / (2L * longSide));
        return (Scaled(width, longSide, maxSide), Scaled(height, longSide, maxSide));
    }

    private static RgbaImage Downscale(RgbaImage image, int width, int height)
    {
        using var source = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        image.Pixels.CopyTo(source.GetPixelSpan());
        using var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        if (!source.ScalePixels(target, s_sampling))
        {
            throw new InvalidDataException($"SkiaSharp could not scale a {image.Width}x{image.Height} image to {width}x{height}.");
        }

        return RgbaImage.FromRgba(width, height, target.GetPixelSpan());
    }
}
