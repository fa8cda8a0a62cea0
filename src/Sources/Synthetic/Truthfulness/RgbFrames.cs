using MultiTrust.Core.Imaging;
using MultiTrust.Sources.Imaging;
using MultiTrust.Sources.Synthetic.Scenes;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>Pixel operations on packed RGB scene frames (<see cref="Scene.Size"/> squared) and their PNG encoding.</summary>
internal static class RgbFrames
{
    private const int Size = Scene.Size;
    private const int Stride = Size * 3;

    public static RenderedImage Encode(byte[] rgb) => new(PngEncoder.Encode(rgb, Size, Size, 3), Size, Size, "image/png");

    /// <summary>Rows of <paramref name="top"/> above <paramref name="line"/>, then the rows of <paramref name="reflected"/>
    /// above the line mirrored below it (row <c>line + j</c> = row <c>line − 1 − j</c>).</summary>
    public static byte[] MirrorBelow(byte[] top, byte[] reflected, int line)
    {
        var result = (byte[])top.Clone();
        for (var y = line; y < Size; y++)
        {
            var source = (2 * line) - 1 - y;
            if (source >= 0)
            {
                Array.Copy(reflected, source * Stride, result, y * Stride, Stride);
            }
        }

        return result;
    }

    /// <summary>Fills rows [<paramref name="from"/>, <paramref name="to"/>) with one colour.</summary>
    public static void FillRows(byte[] rgb, int from, int to, byte r, byte g, byte b)
    {
        for (var i = from * Stride; i < to * Stride; i += 3)
        {
            (rgb[i], rgb[i + 1], rgb[i + 2]) = (r, g, b);
        }
    }

    /// <summary>
    /// Cuts the frame into strips <paramref name="width"/> pixels wide (columns when <paramref name="vertical"/>, else
    /// rows) and slides strip <c>s</c> along its length by <c>offsets[s]</c> pixels; uncovered pixels take the colour
    /// of pixel (0, 0) (the background) and what slides out of the frame is lost.
    /// </summary>
    public static byte[] Dislocate(byte[] rgb, bool vertical, int width, IReadOnlyList<int> offsets)
    {
        var result = new byte[rgb.Length];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var offset = offsets[(vertical ? x : y) / width];
                var (sx, sy) = vertical ? (x, y - offset) : (x - offset, y);
                var from = sx is >= 0 and < Size && sy is >= 0 and < Size ? (sy * Stride) + (sx * 3) : 0;
                var to = (y * Stride) + (x * 3);
                (result[to], result[to + 1], result[to + 2]) = (rgb[from], rgb[from + 1], rgb[from + 2]);
            }
        }

        return result;
    }
}
